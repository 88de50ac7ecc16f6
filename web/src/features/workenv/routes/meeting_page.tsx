import { useState } from 'react';
import { useParams } from 'react-router';
import { messageForError } from '../../../shared/forms/form_errors';
import { useDocumentTitle } from '../../../shared/hooks/use_document_title';
import { useMessageText } from '../../../shared/i18n/message';
import { formatDate } from '../../../shared/text/format_date';
import { formatDateTime } from '../../../shared/text/format_date_time';
import { Alert } from '../../../shared/ui/alert';
import { Button } from '../../../shared/ui/button';
import { DescriptionList } from '../../../shared/ui/description_list';
import { LoadingIndicator } from '../../../shared/ui/loading_indicator';
import { PageHeading } from '../../../shared/ui/page_heading';
import { SectionHeading } from '../../../shared/ui/section_heading';
import { TextLink } from '../../../shared/ui/text_link';
import { useMeeting } from '../api/meetings_api';
import { ActionItems } from '../components/action_items';
import { AgendaSection } from '../components/agenda_section';
import { MeetingDetailsForm } from '../components/meeting_settings';
import { MinutesPanel } from '../components/minutes_panel';
import { WorkenvNav } from '../components/workenv_nav';
import { useWorkenvTranslation, type WorkenvKey } from '../i18n/workenv_i18n';

/** The history's event codes have their wording under meeting.events (an unknown code shows as it is). */
const eventKey = (event: string) => `meeting.events.${event}` as WorkenvKey;

/** One meeting: its facts, the agenda with outcomes, action items (its own and those carried over), the minutes with
 * every participant's confirmation, the send log to the labour bureau, and the history. */
export function MeetingPage() {
  const { id = '' } = useParams();
  const { t, language } = useWorkenvTranslation();
  const text = useMessageText();
  const query = useMeeting(id);
  const m = query.data;
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState(false);
  const title = m !== undefined ? t('meeting.title', { series: m.series.title, date: formatDate(m.held_on, language) }) : t('meetings.title');
  useDocumentTitle(title);
  return (
    <div className="flex flex-col gap-8">
      <div className="flex flex-col gap-4">
        <WorkenvNav />
        <p className="text-std-16N-170">
          <TextLink to="/workenv/meetings">{t('meeting.back')}</TextLink>
        </p>
        <PageHeading>{title}</PageHeading>
      </div>
      {query.isPending && <LoadingIndicator />}
      {query.isError && (
        <Alert kind="error">
          <p>{text(messageForError(query.error))}</p>
        </Alert>
      )}
      {m !== undefined && (
        <>
          {saved && (
            <Alert kind="success">
              <p>{t('meeting.detailsSaved')}</p>
            </Alert>
          )}
          <DescriptionList
            items={[
              { label: t('meetings.seriesColumn'), value: `${m.series.title}（${m.series.kind_label}）` },
              { label: t('meetings.heldOn'), value: formatDate(m.held_on, language) },
              { label: t('meetings.place'), value: m.place },
              { label: t('meetings.invited'), value: m.invited.length > 0 ? m.invited.join('、') : '—' },
            ]}
          />
          <section aria-labelledby="meeting-participants" className="flex flex-col gap-3">
            <SectionHeading id="meeting-participants">{t('meetings.participants')}</SectionHeading>
            {m.participants.length === 0 ? (
              <p className="text-std-16N-170">{t('meeting.noParticipants')}</p>
            ) : (
              <ul className="flex flex-col gap-2">
                {m.participants.map((p) => (
                  <li key={p.id} className="text-std-16N-170">
                    {p.name}（{p.organisation}・{p.kind_label}）
                  </li>
                ))}
              </ul>
            )}
          </section>
          {m.can_edit && !editing && (
            <p>
              <Button
                variant="secondary"
                onClick={() => {
                  setSaved(false);
                  setEditing(true);
                }}
              >
                {t('meeting.editDetails')}
              </Button>
            </p>
          )}
          {m.can_edit && editing && (
            <MeetingDetailsForm
              meeting={m}
              onDone={(done) => {
                setEditing(false);
                setSaved(done);
              }}
            />
          )}
          {!m.can_edit && m.minutes.status === 'locked' && <p className="text-std-16N-170 text-solid-gray-800">{t('meeting.lockedNote')}</p>}
          <AgendaSection meeting={m} />
          <ActionItems meeting={m} />
          <MinutesPanel meeting={m} />
          <section aria-labelledby="meeting-history" className="flex flex-col gap-3">
            <SectionHeading id="meeting-history">{t('meeting.history')}</SectionHeading>
            <ol className="flex flex-col gap-2">
              {m.history.map((h, i) => (
                <li key={`${h.at}-${i}`} className="flex flex-col gap-1 border-l-4 border-solid-gray-420 pl-3 text-std-16N-170">
                  <span className="text-solid-gray-700">
                    {formatDateTime(h.at, language)}
                    {h.by !== null ? `　${h.by}` : ''}
                  </span>
                  <span>
                    {t(eventKey(h.event), { defaultValue: h.event })}
                    {h.detail !== '' ? `：${h.detail}` : ''}
                  </span>
                </li>
              ))}
            </ol>
          </section>
        </>
      )}
    </div>
  );
}
