import { z } from 'zod/mini';
import type { InterviewProposal } from './api/applications_api';
import { applicationsKey } from './i18n/applications_i18n';
import { DEFAULT_DURATION_MINUTES, MAX_DURATION_MINUTES, MIN_DURATION_MINUTES, slotsForApi, slotsProblem } from './interview_slots';

/** The proposal form as its inputs hold it; field names are the server's, so its messages land on them. */
export type InterviewFormValues = {
  slots: string[];
  duration_minutes: string;
  online: boolean;
  place: string;
};

export const EMPTY_INTERVIEW_FORM: InterviewFormValues = {
  slots: [''],
  duration_minutes: String(DEFAULT_DURATION_MINUTES),
  online: true,
  place: '',
};

function wholeMinutes(value: string): number | null {
  const folded = value.normalize('NFKC').trim();
  if (!/^\d{1,3}$/.test(folded)) {
    return null;
  }
  const minutes = Number(folded);
  return minutes >= MIN_DURATION_MINUTES && minutes <= MAX_DURATION_MINUTES ? minutes : null;
}

export const interviewSchema = z
  .object({
    slots: z.array(z.string()),
    duration_minutes: z.string(),
    online: z.boolean(),
    place: z.string(),
  })
  .check(
    z.superRefine((values, context) => {
      const problem = slotsProblem(values.slots);
      if (problem !== null) {
        context.addIssue({ code: 'custom', path: ['slots'], message: applicationsKey(`interviews.slotProblems.${problem}`), input: values });
      }
      if (wholeMinutes(values.duration_minutes) === null) {
        context.addIssue({ code: 'custom', path: ['duration_minutes'], message: applicationsKey('interviews.durationInvalid'), input: values });
      }
      if (!values.online && values.place.trim() === '') {
        context.addIssue({ code: 'custom', path: ['place'], message: applicationsKey('interviews.placeRequired'), input: values });
      }
    }),
  );

/** The request body of a valid form: slots in Japan time with +09:00, the length in minutes, the place only in person. */
export function interviewProposalFromForm(values: Pick<InterviewFormValues, 'slots' | 'duration_minutes' | 'online' | 'place'>): InterviewProposal {
  const proposal: InterviewProposal = {
    slots: slotsForApi(values.slots),
    duration_minutes: wholeMinutes(values.duration_minutes) ?? DEFAULT_DURATION_MINUTES,
    online: values.online,
  };
  if (!values.online) {
    proposal.place = values.place.trim();
  }
  return proposal;
}
