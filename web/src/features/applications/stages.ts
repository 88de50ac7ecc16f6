import type { BadgeKind } from '../../shared/ui/badge';

/**
 * The pipeline (SPEC.md "Applications and coordination"):
 * 新規 → 調整中 → 面接調整 → 面接済 → 内定 → 採用, and 不採用 / 辞退 / 取下げ from
 * any open stage. The server judges every move; this only decides which
 * buttons to offer, so nobody is shown one the server would refuse anyway.
 */

export const STAGES = ['new', 'coordinating', 'interview_scheduling', 'interviewed', 'offered', 'hired', 'rejected', 'declined', 'withdrawn'] as const;
export type Stage = (typeof STAGES)[number];

export function isStage(value: string): value is Stage {
  return (STAGES as readonly string[]).includes(value);
}

/** Where each open stage may go next (the server's graph). */
const NEXT: Readonly<Record<Stage, readonly Stage[]>> = {
  new: ['coordinating', 'interview_scheduling', 'rejected', 'declined', 'withdrawn'],
  coordinating: ['interview_scheduling', 'rejected', 'declined', 'withdrawn'],
  interview_scheduling: ['interviewed', 'rejected', 'declined', 'withdrawn'],
  interviewed: ['offered', 'rejected', 'declined', 'withdrawn'],
  offered: ['hired', 'declined', 'withdrawn'],
  hired: [],
  rejected: [],
  declined: [],
  withdrawn: [],
};

/**
 * Who decides what: the seeker declines or withdraws; the facility moves the
 * interview stages and decides 内定 / 採用 / 不採用; coordinators adjust
 * (調整中, 面接調整, 面接済) and may record a decline for the seeker; the
 * secretariat may make any allowed move.
 */
const DECIDED_BY: Readonly<Record<string, readonly Stage[]>> = {
  seeker: ['declined', 'withdrawn'],
  facility: ['interview_scheduling', 'interviewed', 'offered', 'hired', 'rejected'],
  coordinator: ['coordinating', 'interview_scheduling', 'interviewed', 'declined', 'withdrawn'],
  secretariat: [...STAGES],
};

/** The moves a user of `role` may offer from `stage`, in pipeline order. */
export function allowedMoves(stage: string, role: string): Stage[] {
  if (!isStage(stage)) {
    return [];
  }
  const mine = DECIDED_BY[role] ?? [];
  return NEXT[stage].filter((next) => mine.includes(next));
}

/** Closed stages accept no move, no interview and no match. */
export function isClosedStage(stage: string): boolean {
  return stage === 'hired' || stage === 'rejected' || stage === 'declined' || stage === 'withdrawn';
}

/** Moves that end the application for good, or hire: they are confirmed before they are sent. */
export type ConfirmedStage = 'hired' | 'rejected' | 'declined' | 'withdrawn';

export function needsConfirmation(stage: Stage): stage is ConfirmedStage {
  return stage === 'rejected' || stage === 'declined' || stage === 'withdrawn' || stage === 'hired';
}

/** The badge of a stage; the text always says the stage, colour only helps. */
export function stageBadgeKind(stage: string): BadgeKind {
  switch (stage) {
    case 'new':
      return 'info';
    case 'offered':
    case 'hired':
      return 'success';
    case 'rejected':
    case 'declined':
    case 'withdrawn':
      return 'muted';
    default:
      return 'neutral';
  }
}

/** Interviews can be proposed only while the application is in one of these stages. */
export function canProposeInterview(stage: string): boolean {
  return stage === 'new' || stage === 'coordinating' || stage === 'interview_scheduling';
}
