import { describe, expect, it } from 'vitest';
import { allowedMoves, canProposeInterview, isClosedStage, needsConfirmation, STAGES } from './stages';

describe('allowed next stages per role', () => {
  it('lets the seeker only decline or withdraw', () => {
    expect(allowedMoves('new', 'seeker')).toEqual(['declined', 'withdrawn']);
    expect(allowedMoves('offered', 'seeker')).toEqual(['declined', 'withdrawn']);
  });

  it('lets the facility move the interview stages and decide offer, hire and rejection', () => {
    expect(allowedMoves('new', 'facility')).toEqual(['interview_scheduling', 'rejected']);
    expect(allowedMoves('coordinating', 'facility')).toEqual(['interview_scheduling', 'rejected']);
    expect(allowedMoves('interview_scheduling', 'facility')).toEqual(['interviewed', 'rejected']);
    expect(allowedMoves('interviewed', 'facility')).toEqual(['offered', 'rejected']);
    expect(allowedMoves('offered', 'facility')).toEqual(['hired']);
  });

  it('lets coordinators adjust, never decide offer, hire or rejection', () => {
    expect(allowedMoves('new', 'coordinator')).toEqual(['coordinating', 'interview_scheduling', 'declined', 'withdrawn']);
    expect(allowedMoves('interview_scheduling', 'coordinator')).toEqual(['interviewed', 'declined', 'withdrawn']);
    expect(allowedMoves('interviewed', 'coordinator')).toEqual(['declined', 'withdrawn']);
    expect(allowedMoves('offered', 'coordinator')).not.toContain('hired');
  });

  it('lets the secretariat make every move of the graph', () => {
    expect(allowedMoves('new', 'secretariat')).toEqual(['coordinating', 'interview_scheduling', 'rejected', 'declined', 'withdrawn']);
    expect(allowedMoves('offered', 'secretariat')).toEqual(['hired', 'declined', 'withdrawn']);
  });

  it('offers nothing from a closed stage, to other roles or for a stage it does not know', () => {
    for (const stage of ['hired', 'rejected', 'declined', 'withdrawn']) {
      for (const role of ['seeker', 'facility', 'coordinator', 'secretariat']) {
        expect(allowedMoves(stage, role)).toEqual([]);
      }
      expect(isClosedStage(stage)).toBe(true);
    }
    expect(allowedMoves('new', 'aggregator')).toEqual([]);
    expect(allowedMoves('archived', 'secretariat')).toEqual([]);
  });

  it('never offers going back, and confirms only the moves that end it or hire', () => {
    for (const stage of STAGES) {
      const later = STAGES.slice(STAGES.indexOf(stage) + 1);
      for (const next of allowedMoves(stage, 'secretariat')) {
        expect(later).toContain(next);
      }
    }
    expect(STAGES.filter(needsConfirmation)).toEqual(['hired', 'rejected', 'declined', 'withdrawn']);
    expect(STAGES.filter(canProposeInterview)).toEqual(['new', 'coordinating', 'interview_scheduling']);
  });
});
