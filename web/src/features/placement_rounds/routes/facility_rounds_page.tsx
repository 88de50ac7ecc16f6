import { useState } from 'react';
import { useParams } from 'react-router';
import { messageForError } from '../../../shared/forms/form_errors';
import { useDocumentTitle } from '../../../shared/hooks/use_document_title';
import { useMessageText } from '../../../shared/i18n/message';
import { formatDate, formatDateTime } from '../../../shared/text/format_date';
import { Alert } from '../../../shared/ui/alert';
import { Badge } from '../../../shared/ui/badge';
import { LoadingIndicator } from '../../../shared/ui/loading_indicator';
import { PageHeading } from '../../../shared/ui/page_heading';
import { SectionHeading } from '../../../shared/ui/section_heading';
import { TextLink } from '../../../shared/ui/text_link';
import { ErrorList } from '../components/error_list';
import { useFacilityRound, useFacilityRounds, useSaveFacilityRanks, type FacilityApplicant } from '../api/placement_rounds_api';
import { RankOrderEditor } from '../components/rank_order_editor';
import { usePlacementRoundsTranslation } from '../i18n/placement_rounds_i18n';

/** 「配属先選定」 for a facility: the rounds with a position of its own. */
export function FacilityRoundsPage() {
  const { t, language } = usePlacementRoundsTranslation();
  useDocumentTitle(t('facility.listTitle'));
  const text = useMessageText();
  const rounds = useFacilityRounds();
  return (
    <div className="flex flex-col gap-8">
      <div className="flex flex-col gap-4">
        <PageHeading>{t('facility.listTitle')}</PageHeading>
        <p className="text-std-16N-170 text-solid-gray-800">{t('facility.listLead')}</p>
      </div>
      {rounds.isPending && <LoadingIndicator />}
      {rounds.isError && (
        <Alert kind="error">
          <p>{text(messageForError(rounds.error))}</p>
        </Alert>
      )}
      {rounds.data?.items.length === 0 && <p className="text-std-16N-170">{t('facility.empty')}</p>}
      <ul className="flex flex-col gap-4">
        {rounds.data?.items.map((r) => (
          <li key={r.id} className="flex flex-col gap-2 rounded-12 border border-solid-gray-420 bg-white p-5">
            <h2 className="flex flex-wrap items-center gap-3 text-std-20B-150">
              <TextLink to={`/placement/rounds/${encodeURIComponent(r.id)}`}>{r.title}</TextLink>
              <Badge kind={r.state === 'open' ? 'info' : 'success'}>{r.state_label}</Badge>
            </h2>
            <p className="text-std-16N-170 text-solid-gray-800">{r.centre_name}</p>
            <p className="text-std-16N-170 text-solid-gray-800">
              {r.deadline_passed && r.state === 'open'
                ? t('facility.deadlinePassed', { centre: r.centre_name })
                : t('facility.deadline', { date: formatDate(r.facility_deadline, language) })}
            </p>
            <ul className="list-disc pl-6 text-std-16N-170">
              {r.positions.map((p) => (
                <li key={p.id}>{t('facility.positionLine', { name: p.name, applicants: p.applicants, ranked: p.ranked })}</li>
              ))}
            </ul>
          </li>
        ))}
      </ul>
    </div>
  );
}

function detail(t: ReturnType<typeof usePlacementRoundsTranslation>['t'], a: FacilityApplicant): string {
  const profile = t('order.profile', { university: a.university, year: a.graduation_year });
  return a.specialty_wish !== null ? `${profile}・${t('order.wish', { specialty: a.specialty_wish })}` : profile;
}

/** A facility's page of one round: for each of its positions, the doctors who chose it, to rank. */
export function FacilityRoundPage() {
  const { t, language } = usePlacementRoundsTranslation();
  const text = useMessageText();
  const { id = '' } = useParams();
  const round = useFacilityRound(id);
  const save = useSaveFacilityRanks(id);
  const [saved, setSaved] = useState<string | null>(null);
  const r = round.data;
  useDocumentTitle(r?.title ?? t('facility.listTitle'));
  const editable = r !== undefined && r.state === 'open' && !r.deadline_passed;
  return (
    <div className="flex flex-col gap-8">
      <p>
        <TextLink to="/placement/rounds">{t('facility.back')}</TextLink>
      </p>
      {round.isPending && <LoadingIndicator />}
      {round.isError && (
        <Alert kind="error">
          <p>{text(messageForError(round.error))}</p>
        </Alert>
      )}
      {r !== undefined && (
        <>
          <div className="flex flex-col gap-3">
            <PageHeading>{r.title}</PageHeading>
            <p className="flex flex-wrap items-center gap-2 text-std-16N-170 text-solid-gray-800">
              <Badge kind={r.state === 'open' ? 'info' : 'success'}>{r.state_label}</Badge>
              {t('facility.term', { start: formatDate(r.term_start, language), end: formatDate(r.term_end, language) })}
            </p>
            <p className="text-std-16N-170 text-solid-gray-800">{t('facility.lead', { centre: r.centre_name })}</p>
            <p className="text-std-16B-170 text-solid-gray-900">
              {r.deadline_passed && r.state === 'open'
                ? t('facility.deadlinePassed', { centre: r.centre_name })
                : t('facility.deadline', { date: formatDate(r.facility_deadline, language) })}
            </p>
          </div>
          {saved !== null && (
            <Alert kind="success">
              <p>{t('facility.saved')}</p>
            </Alert>
          )}
          {save.isError && <ErrorList error={save.error} />}
          {r.positions.map((p) => (
            <section key={p.id} aria-labelledby={`position-${p.id}`} className="flex flex-col gap-4 rounded-12 border border-solid-gray-420 bg-white p-5">
              <SectionHeading id={`position-${p.id}`}>{t('facility.positionHeading', { name: p.name, capacity: p.capacity })}</SectionHeading>
              {p.entered !== null && (
                <p className="text-std-16N-170 text-solid-gray-700">
                  {t('facility.entered', { kind: p.entered.kind_label, by: p.entered.by, at: formatDateTime(p.entered.at, language) })}
                </p>
              )}
              {p.placed !== null && (
                <div className="flex flex-col gap-2">
                  <h3 className="text-std-17B-170">{t('facility.placedHeading')}</h3>
                  {p.placed.length === 0 ? (
                    <p className="text-std-16N-170">{t('facility.noPlaced')}</p>
                  ) : (
                    <ul className="list-disc pl-6 text-std-16N-170">
                      {p.placed.map((d) => (
                        <li key={d.id}>{d.name}</li>
                      ))}
                    </ul>
                  )}
                </div>
              )}
              {p.applicants.length === 0 ? (
                <p className="text-std-16N-170">{t('facility.noApplicants')}</p>
              ) : (
                <RankOrderEditor
                  key={p.applicants.map((a) => `${a.id}:${a.rank ?? ''}`).join()}
                  candidates={p.applicants.map((a) => ({ id: a.id, name: a.name, detail: detail(t, a) }))}
                  initial={p.applicants.filter((a) => a.rank !== null).map((a) => a.id)}
                  busy={save.isPending}
                  disabled={!editable}
                  headingLevel={3}
                  onSave={(doctorIds) => {
                    setSaved(null);
                    save.mutate({ positionId: p.id, doctorIds }, { onSuccess: () => setSaved(p.id) });
                  }}
                />
              )}
            </section>
          ))}
        </>
      )}
    </div>
  );
}
