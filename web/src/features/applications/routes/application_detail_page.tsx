import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, type ReactNode } from 'react';
import { useLocation, useParams } from 'react-router';
import { ApiError } from '../../../shared/api/api_error';
import { messageForError } from '../../../shared/forms/form_errors';
import { useDocumentTitle } from '../../../shared/hooks/use_document_title';
import { useOpenSections } from '../../../shared/hooks/use_open_sections';
import { useMessageText } from '../../../shared/i18n/message';
import type { SessionUser } from '../../../shared/session/session_api';
import { formatDateTime } from '../../../shared/text/format_date';
import { Alert } from '../../../shared/ui/alert';
import { Badge } from '../../../shared/ui/badge';
import { FreeText } from '../../../shared/ui/free_text';
import { LoadingIndicator } from '../../../shared/ui/loading_indicator';
import { NarrowPage } from '../../../shared/ui/narrow_page';
import { PageHeading } from '../../../shared/ui/page_heading';
import { goToSection, SectionIndex, type SectionIndexEntry } from '../../../shared/ui/section_index';
import { TextLink } from '../../../shared/ui/text_link';
import { applicationKey, APPLICATIONS_KEY, isApplicationKind, messagesKey, useApplication, type Application } from '../api/applications_api';
import { InterviewPanel } from '../components/interview_panel';
import { MatchPanel } from '../components/match_panel';
import { MessageThread } from '../components/message_thread';
import { PanelSection } from '../components/panel_section';
import { PostingSummary } from '../components/posting_summary';
import { RecordsPanel } from '../components/records_panel';
import { SeekerCard } from '../components/seeker_card';
import { StageBadge } from '../components/stage_badge';
import { StageHistory } from '../components/stage_history';
import { StageMoves } from '../components/stage_moves';
import { TrainingPanel } from '../components/training_panel';
import { useApplicationsTranslation } from '../i18n/applications_i18n';
import { identityDisclosedToFacility } from '../seeker_disclosure';
import { isClosedStage } from '../stages';
import { useApplicationLabels } from '../use_application_labels';
import { useLiveEvents } from '../use_live_events';

/**
 * One inquiry, application or contact request, for each of its parties: the
 * posting (masked for the seeker until the match), the seeker (by handle for
 * the facility until the match), the stage and what this user may change,
 * the messages, interviews, training after a hire, and for coordinators the
 * records and the match. Everything shown is what the server sent to this
 * viewer; it keeps itself current through the live events.
 */
export function ApplicationDetailPage({ user }: { user: SessionUser }) {
  const { t } = useApplicationsTranslation();
  const text = useMessageText();
  const { id = '' } = useParams();
  const application = useApplication(id);
  useDocumentTitle(application.data !== undefined ? t('detail.documentTitle', { title: application.data.posting.title }) : t('detail.title'));
  useLiveUpdates(id);

  const backLink = (
    <p className="text-std-16N-170">
      <TextLink to="/applications">{t('detail.backToList')}</TextLink>
    </p>
  );

  if (application.isPending) {
    return <LoadingIndicator />;
  }
  if (application.isError) {
    const notFound = application.error instanceof ApiError && application.error.status === 404;
    return (
      <NarrowPage heading={notFound ? t('detail.notFoundTitle') : t('detail.errorTitle')}>
        <Alert kind={notFound ? 'info' : 'error'}>
          <p>{notFound ? t('detail.notFound') : text(messageForError(application.error))}</p>
        </Alert>
        {backLink}
      </NarrowPage>
    );
  }
  return <ApplicationView application={application.data} user={user} backLink={backLink} />;
}

/** Refetches what a live notice about this application changed; after a reconnect, everything (notices may have been missed). */
function useLiveUpdates(id: string): void {
  const queryClient = useQueryClient();
  const ready = useLiveEvents({
    onNotice: (notice) => {
      void queryClient.invalidateQueries({ queryKey: [...APPLICATIONS_KEY, 'list'] });
      if (notice.applicationId !== id) {
        return;
      }
      if (notice.kind === 'message') {
        void queryClient.invalidateQueries({ queryKey: messagesKey(id) });
        return;
      }
      void queryClient.invalidateQueries({ queryKey: applicationKey(id) });
      if (notice.kind === 'match') {
        // Author names in the thread follow the disclosure.
        void queryClient.invalidateQueries({ queryKey: messagesKey(id) });
      }
    },
  });
  const connectedBefore = useRef(false);
  useEffect(() => {
    if (!ready) {
      return;
    }
    if (connectedBefore.current) {
      void queryClient.invalidateQueries({ queryKey: applicationKey(id) });
      void queryClient.invalidateQueries({ queryKey: messagesKey(id) });
    }
    connectedBefore.current = true;
  }, [ready, id, queryClient]);
}

function ApplicationView({ application, user, backLink }: { application: Application; user: SessionUser; backLink: ReactNode }) {
  const { t, language } = useApplicationsTranslation();
  const labels = useApplicationLabels();
  const location = useLocation();
  const role = user.role;
  const justCreated = (location.state as { created?: unknown } | null)?.created === true;
  const ownNote =
    role === 'seeker' ? (identityDisclosedToFacility(application) ? t('seeker.ownDisclosedNote') : t('seeker.ownHiddenNote')) : undefined;
  const { entries, shown, startsOpen } = useSectionEntries(application, role);
  const sections = useOpenSections(
    entries.map((entry) => entry.id),
    (sectionId) => startsOpen.has(sectionId),
  );
  const panel = (sectionId: string) => {
    const entry = entries.find((candidate) => candidate.id === sectionId) as SectionIndexEntry;
    return {
      id: sectionId,
      heading: entry.heading,
      summary: entry.summary,
      open: sections.isOpen(sectionId),
      onOpenChange: (open: boolean) => sections.setOpen(sectionId, open),
    };
  };

  return (
    <div className="flex flex-col gap-12">
      <div className="flex flex-col gap-4">
        {backLink}
        <p className="text-std-16B-170 text-solid-gray-700">{t('detail.title')}</p>
        <PageHeading>{application.posting.title}</PageHeading>
        {justCreated && isApplicationKind(application.kind) && (
          <Alert kind="success">
            <p>{t(`apply.created.${application.kind}`)}</p>
          </Alert>
        )}
        <dl className="grid grid-cols-[max-content_1fr] gap-x-6 gap-y-2 text-std-16N-170">
          <dt className="font-700 text-solid-gray-700">{t('detail.kind')}</dt>
          <dd>{labels.kind(application.kind)}</dd>
          <dt className="font-700 text-solid-gray-700">{t('detail.stage')}</dt>
          <dd>
            <span aria-live="polite" data-application-stage={application.stage}>
              <StageBadge stage={application.stage} serverName={application.stage_name} />
            </span>
          </dd>
          <dt className="font-700 text-solid-gray-700">{t('detail.match')}</dt>
          <dd>
            <span aria-live="polite">
              {application.matched ? <Badge kind="success">{t('matched.yes')}</Badge> : <Badge kind="neutral">{t('matched.no')}</Badge>}
            </span>
          </dd>
          <dt className="font-700 text-solid-gray-700">{t('detail.createdAt')}</dt>
          <dd>{formatDateTime(application.created_at, language)}</dd>
          <dt className="font-700 text-solid-gray-700">{t('detail.updatedAt')}</dt>
          <dd>{formatDateTime(application.updated_at, language)}</dd>
        </dl>
        {application.message !== null && application.message.trim() !== '' && (
          <div className="flex flex-col gap-1 rounded-8 border border-solid-gray-200 bg-solid-gray-50 p-4">
            <p className="text-std-16B-170 text-solid-gray-700">{t('detail.firstMessage')}</p>
            <div className="text-std-16N-170 text-solid-gray-900">
              <FreeText text={application.message} />
            </div>
          </div>
        )}
      </div>

      <SectionIndex label={t('sections.index')} entries={entries} onGo={(target) => goToSection(target, (sectionId) => sections.setOpen(sectionId, true))} />

      <PanelSection {...panel('application-posting')}>{() => <PostingSummary posting={application.posting} />}</PanelSection>

      <PanelSection {...panel('application-seeker')}>{() => <SeekerCard seeker={application.seeker} ownNote={ownNote} />}</PanelSection>

      <PanelSection {...panel('application-moves')}>
        {(onDone) => <StageMoves application={application} role={role} onDone={onDone} />}
      </PanelSection>

      {shown.has('application-match') && (
        <PanelSection {...panel('application-match')}>{(onDone) => <MatchPanel application={application} onDone={onDone} />}</PanelSection>
      )}

      <PanelSection {...panel('application-messages')}>{() => <MessageThread applicationId={application.id} />}</PanelSection>

      <PanelSection {...panel('application-interviews')}>
        {(onDone) => <InterviewPanel application={application} role={role} onDone={onDone} />}
      </PanelSection>

      {shown.has('application-training') && (
        <PanelSection {...panel('application-training')}>
          {(onDone) => (
            <TrainingPanel
              applicationId={application.id}
              training={application.training}
              canRecord={role === 'facility' || role === 'secretariat'}
              onDone={onDone}
            />
          )}
        </PanelSection>
      )}

      {shown.has('application-records') && (
        <PanelSection {...panel('application-records')}>
          {(onDone) => <RecordsPanel applicationId={application.id} canSeeRecords={application.can_see_records === true} onDone={onDone} />}
        </PanelSection>
      )}

      <PanelSection {...panel('application-history')}>{() => <StageHistory events={application.events} showActor={role !== 'seeker'} />}</PanelSection>
    </div>
  );
}

/**
 * The page's sections for this viewer, each with a line on what it holds, and
 * those that start open on a phone: where something is waiting for the user
 * (what to do next, the conversation, an interview, open training). The
 * posting, the person and the history are a tap away (issue 11 item 13).
 */
function useSectionEntries(application: Application, role: string) {
  const { t } = useApplicationsTranslation();
  const labels = useApplicationLabels();
  const coordinating = role === 'coordinator' || role === 'secretariat';
  const proposed = application.interviews.filter((interview) => interview.status === 'proposed').length;
  const trainingOpen = application.training.filter((item) => !item.done).length;
  const all: (SectionIndexEntry & { when: boolean; open: boolean })[] = [
    { id: 'application-posting', heading: t('detail.postingHeading'), when: true, open: false },
    { id: 'application-seeker', heading: t('seeker.heading'), when: true, open: false },
    {
      id: 'application-moves',
      heading: t('moves.heading'),
      summary: t('sections.stageNow', { stage: labels.stage(application.stage, application.stage_name) }),
      when: true,
      open: !isClosedStage(application.stage),
    },
    {
      id: 'application-match',
      heading: t('match.heading'),
      summary: application.matched ? t('matched.yes') : t('matched.no'),
      when: coordinating && (application.matched || !isClosedStage(application.stage)),
      open: !application.matched,
    },
    { id: 'application-messages', heading: t('messages.heading'), when: true, open: true },
    {
      id: 'application-interviews',
      heading: t('interviews.heading'),
      summary: application.interviews.length === 0 ? t('sections.noInterviews') : t('sections.interviews', { count: application.interviews.length }),
      attention: proposed > 0 ? t('sections.interviewsProposed', { count: proposed }) : undefined,
      when: true,
      open: proposed > 0 || !isClosedStage(application.stage),
    },
    {
      id: 'application-training',
      heading: t('training.heading'),
      summary: t('sections.training', { done: application.training.length - trainingOpen, total: application.training.length }),
      attention: trainingOpen > 0 ? t('sections.trainingOpen') : undefined,
      when: application.training.length > 0,
      open: trainingOpen > 0,
    },
    {
      id: 'application-records',
      heading: t('records.heading'),
      when: coordinating && (application.can_see_records === true || role === 'coordinator'),
      open: false,
    },
    {
      id: 'application-history',
      heading: t('history.heading'),
      summary: t('sections.history', { count: application.events.length }),
      when: true,
      open: false,
    },
  ];
  const visible = all.filter((entry) => entry.when);
  return {
    entries: visible.map(({ id, heading, summary, attention }) => ({ id, heading, summary, attention })),
    shown: new Set(visible.map((entry) => entry.id)),
    startsOpen: new Set(visible.filter((entry) => entry.open).map((entry) => entry.id)),
  };
}
