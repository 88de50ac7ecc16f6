import { useId, useState } from 'react';
import { Link } from 'react-router';
import { messageForError } from '../../../shared/forms/form_errors';
import { useMessageText, type Message } from '../../../shared/i18n/message';
import { Alert } from '../../../shared/ui/alert';
import { Badge, type BadgeKind } from '../../../shared/ui/badge';
import { Button, buttonClassName } from '../../../shared/ui/button';
import { RadioGroup } from '../../../shared/ui/choice_group';
import { DescriptionList, type DescriptionItem } from '../../../shared/ui/description_list';
import { interviewInviteUrl, useAnswerInterview, type Application, type Interview, type InterviewAction } from '../api/applications_api';
import { useApplicationsTranslation } from '../i18n/applications_i18n';
import { formatSlot } from '../interview_slots';
import { canProposeInterview } from '../stages';
import { InterviewProposalForm } from './interview_proposal_form';

const STATUSES = ['proposed', 'scheduled', 'held', 'cancelled'] as const;

function statusBadgeKind(status: string): BadgeKind {
  return status === 'scheduled' ? 'success' : status === 'proposed' ? 'info' : 'muted';
}

/**
 * Interviews of the application, newest first: the facility or a coordinator
 * proposes times, the seeker picks one, both then see the time with its
 * calendar invitation and, for an online interview, the way into the room.
 * Either side may cancel; the facility records that it was held.
 */
export function InterviewPanel({ application, role, onDone }: { application: Application; role: string; onDone: (message: string) => void }) {
  const { t } = useApplicationsTranslation();
  const proposer = role === 'facility' || role === 'coordinator' || role === 'secretariat';
  const interviews = [...application.interviews].reverse();
  const open = interviews.some((interview) => interview.status === 'proposed' || interview.status === 'scheduled');
  const formHeadingId = useId();

  return (
    <div className="flex flex-col gap-6">
      {interviews.length === 0 ? (
        <p className="text-std-16N-170">{t('interviews.none')}</p>
      ) : (
        <ol className="flex flex-col gap-4">
          {interviews.map((interview, index) => (
            <li key={interview.id}>
              <InterviewCard
                interview={interview}
                number={interviews.length - index}
                applicationId={application.id}
                role={role}
                onDone={onDone}
              />
            </li>
          ))}
        </ol>
      )}
      {proposer && canProposeInterview(application.stage) && (
        <section aria-labelledby={formHeadingId} className="flex flex-col gap-4 rounded-12 border border-solid-gray-200 bg-white p-5 desktop:p-6">
          <h3 id={formHeadingId} className="text-std-20B-150 text-solid-gray-900">
            {open ? t('interviews.reproposeHeading') : t('interviews.proposeHeading')}
          </h3>
          <InterviewProposalForm applicationId={application.id} onDone={onDone} />
        </section>
      )}
    </div>
  );
}

function InterviewCard({
  interview,
  number,
  applicationId,
  role,
  onDone,
}: {
  interview: Interview;
  number: number;
  applicationId: string;
  role: string;
  onDone: (message: string) => void;
}) {
  const { t, language } = useApplicationsTranslation();
  const text = useMessageText();
  const answer = useAnswerInterview();
  // With one proposed time there is nothing to choose: it is preselected, so 承諾 works at once.
  const [slot, setSlot] = useState(interview.slots.length === 1 ? '0' : '');
  const [slotError, setSlotError] = useState<string | undefined>(undefined);
  const [error, setError] = useState<Message | null>(null);
  const headingId = useId();
  const status = (STATUSES as readonly string[]).includes(interview.status)
    ? t(`interviews.statuses.${interview.status as (typeof STATUSES)[number]}`)
    : interview.status;
  const participant = role === 'seeker' || role === 'facility';

  async function send(action: InterviewAction, doneMessage: string): Promise<void> {
    setError(null);
    try {
      await answer.mutateAsync({ interviewId: interview.id, answer: action });
      onDone(doneMessage);
    } catch (caught) {
      setError(messageForError(caught));
    }
  }

  function accept(): void {
    if (slot === '') {
      setSlotError(t('interviews.pickRequired'));
      return;
    }
    setSlotError(undefined);
    void send({ action: 'accept', slot: Number(slot) }, t('interviews.accepted'));
  }

  const items: DescriptionItem[] = [
    {
      label: t('interviews.chosen'),
      value: interview.chosen_slot === null ? null : <strong className="text-std-17B-170">{formatSlot(interview.chosen_slot, language)}</strong>,
    },
    {
      label: t('interviews.slots'),
      value:
        interview.chosen_slot !== null || (role === 'seeker' && interview.status === 'proposed') ? null : (
          <ul className="flex flex-col">
            {interview.slots.map((candidate) => (
              <li key={candidate}>{formatSlot(candidate, language)}</li>
            ))}
          </ul>
        ),
    },
    { label: t('interviews.duration'), value: t('interviews.durationValue', { count: interview.duration_minutes }) },
    {
      label: t('interviews.format'),
      value: interview.online ? t('interviews.online') : t('interviews.inPerson', { place: interview.place ?? '' }),
    },
  ];

  return (
    <article aria-labelledby={headingId} className="flex flex-col gap-4 rounded-8 border border-solid-gray-420 bg-white p-4 desktop:p-5">
      <h3 id={headingId} className="flex flex-wrap items-center gap-x-3 gap-y-1 text-std-17B-170 text-solid-gray-900">
        <span>{t('interviews.interviewNumber', { number })}</span>
        <Badge kind={statusBadgeKind(interview.status)}>{status}</Badge>
      </h3>
      <DescriptionList items={items} />
      {error !== null && (
        <Alert kind="error">
          <p>{text(error)}</p>
        </Alert>
      )}
      {interview.status === 'proposed' && role === 'seeker' && (
        <div className="flex flex-col gap-3">
          <RadioGroup
            legend={t('interviews.pickLegend')}
            name={`slot-${interview.id}`}
            layout="flex flex-col"
            choices={interview.slots.map((candidate, index) => ({ value: String(index), label: formatSlot(candidate, language) }))}
            value={slot}
            onValueChange={(value) => {
              setSlot(value);
              setSlotError(undefined);
            }}
            error={slotError}
          />
          <div>
            <Button busy={answer.isPending} onClick={accept} className="w-full desktop:w-auto">
              {t('interviews.accept')}
            </Button>
          </div>
        </div>
      )}
      {interview.status === 'proposed' && role !== 'seeker' && <p className="text-std-16N-170 text-solid-gray-800">{t('interviews.waitingSeeker')}</p>}
      {interview.status === 'scheduled' && (
        <div className="flex flex-col gap-3 desktop:flex-row desktop:flex-wrap">
          {interview.online && participant && (
            <Link to={`/applications/${encodeURIComponent(applicationId)}/interview`} className={buttonClassName('primary')}>
              {t('interviews.room')}
            </Link>
          )}
          <a href={interviewInviteUrl(interview.id)} download="interview.ics" className={buttonClassName('secondary')}>
            {t('interviews.ics')}
          </a>
          {(role === 'facility' || role === 'secretariat') && (
            <Button variant="secondary" busy={answer.isPending} onClick={() => void send({ action: 'held' }, t('interviews.heldDone'))}>
              {t('interviews.held')}
            </Button>
          )}
        </div>
      )}
      {(interview.status === 'proposed' || interview.status === 'scheduled') && (
        <div>
          <Button variant="text" className="px-0" busy={answer.isPending} onClick={() => void send({ action: 'cancel' }, t('interviews.cancelled'))}>
            {t('interviews.cancel')}
          </Button>
        </div>
      )}
    </article>
  );
}
