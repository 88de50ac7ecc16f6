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
import { useMyRound, useMyRounds, useSaveMyRanks } from '../api/placement_rounds_api';
import { ErrorList } from '../components/error_list';
import { RankOrderEditor } from '../components/rank_order_editor';
import { usePlacementRoundsTranslation } from '../i18n/placement_rounds_i18n';

/** 「配属先選定の志望順位」 for a doctor linked to the registry: the rounds they take part in. */
export function MyRoundsPage() {
  const { t, language } = usePlacementRoundsTranslation();
  useDocumentTitle(t('mine.listTitle'));
  const text = useMessageText();
  const rounds = useMyRounds();
  return (
    <div className="flex flex-col gap-8">
      <div className="flex flex-col gap-4">
        <PageHeading>{t('mine.listTitle')}</PageHeading>
        <p className="text-std-16N-170 text-solid-gray-800">{t('mine.listLead')}</p>
      </div>
      {rounds.isPending && <LoadingIndicator />}
      {rounds.isError && (
        <Alert kind="error">
          <p>{text(messageForError(rounds.error))}</p>
        </Alert>
      )}
      {rounds.data?.items.length === 0 && <p className="text-std-16N-170">{t('mine.empty')}</p>}
      <ul className="flex flex-col gap-4">
        {rounds.data?.items.map((r) => (
          <li key={r.id} className="flex flex-col gap-2 rounded-12 border border-solid-gray-420 bg-white p-5">
            <h2 className="flex flex-wrap items-center gap-3 text-std-20B-150">
              <TextLink to={`/me/placement/rounds/${encodeURIComponent(r.id)}`}>{t('mine.open', { title: r.title })}</TextLink>
              <Badge kind={r.state === 'open' ? 'info' : 'success'}>{r.state_label}</Badge>
            </h2>
            <p className="text-std-16N-170 text-solid-gray-800">{r.centre_name}</p>
            <p className="text-std-16N-170 text-solid-gray-800">
              {r.state === 'confirmed'
                ? t('mine.hasResult')
                : r.deadline_passed
                  ? t('mine.deadlinePassed', { centre: r.centre_name })
                  : t('mine.deadline', { date: formatDate(r.doctor_deadline, language) })}
            </p>
            <p className="text-std-16N-170 text-solid-gray-800">{t('mine.rankedCount', { count: r.ranked })}</p>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** One round for the doctor: the positions to rank until the deadline, and once confirmed their own result. */
export function MyRoundPage() {
  const { t, language } = usePlacementRoundsTranslation();
  const text = useMessageText();
  const { id = '' } = useParams();
  const round = useMyRound(id);
  const save = useSaveMyRanks(id);
  const [saved, setSaved] = useState(false);
  const r = round.data;
  useDocumentTitle(r?.title ?? t('mine.listTitle'));
  return (
    <div className="flex flex-col gap-8">
      <p>
        <TextLink to="/me/placement">{t('mine.back')}</TextLink>
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
              {t('mine.term', { start: formatDate(r.term_start, language), end: formatDate(r.term_end, language), kind: r.assignment_kind_label })}
            </p>
            <p className="text-std-16N-170 text-solid-gray-800">{t('mine.lead', { centre: r.centre_name })}</p>
            {r.state === 'open' && (
              <p className="text-std-16B-170 text-solid-gray-900">
                {r.deadline_passed
                  ? t('mine.deadlinePassed', { centre: r.centre_name })
                  : t('mine.deadline', { date: formatDate(r.doctor_deadline, language) })}
              </p>
            )}
          </div>
          {r.result !== null && (
            <section aria-labelledby="my-result" className="flex flex-col gap-4 rounded-12 border border-solid-gray-420 bg-white p-5">
              <SectionHeading id="my-result">{t('mine.resultHeading')}</SectionHeading>
              {r.result.assigned !== null ? (
                <p className="text-std-17B-170 text-solid-gray-900">
                  {t('mine.assigned', { name: r.result.assigned.name, area: r.result.assigned.area_name })}
                  {r.result.choice !== null && ` ${t('mine.choice', { n: r.result.choice })}`}
                </p>
              ) : (
                <p className="text-std-16N-170">{t('mine.notAssigned')}</p>
              )}
              {r.result.reasons.length > 0 && (
                <div className="flex flex-col gap-2">
                  <h3 className="text-std-17B-170">{t('mine.reasonsHeading')}</h3>
                  <ul className="list-disc pl-6 text-std-16N-170">
                    {r.result.reasons.map((x) => (
                      <li key={x.name}>{x.message}</li>
                    ))}
                  </ul>
                </div>
              )}
            </section>
          )}
          {saved && (
            <Alert kind="success">
              <p>{t('mine.saved')}</p>
            </Alert>
          )}
          {save.isError && <ErrorList error={save.error} />}
          <section aria-labelledby="my-ranks" className="flex flex-col gap-4 rounded-12 border border-solid-gray-420 bg-white p-5">
            <SectionHeading id="my-ranks">{t('mine.positionsHeading')}</SectionHeading>
            {r.entered !== null && (
              <p className="text-std-16N-170 text-solid-gray-700">
                {t('mine.entered', { kind: r.entered.kind_label, at: formatDateTime(r.entered.at, language) })}
              </p>
            )}
            {r.editable && r.entered?.kind === 'centre_interview' && (
              <Alert kind="info">
                <p>{t('mine.enteredByCentre')}</p>
              </Alert>
            )}
            <RankOrderEditor
              key={r.ranks.join()}
              candidates={r.positions.map((p) => ({
                id: p.id,
                name: p.name,
                detail: t('mine.positionDetail', { area: p.area_name, capacity: p.capacity }),
              }))}
              initial={r.ranks}
              busy={save.isPending}
              disabled={!r.editable}
              headingLevel={3}
              texts="myOrder"
              onSave={(positionIds) => {
                setSaved(false);
                save.mutate(positionIds, { onSuccess: () => setSaved(true) });
              }}
            />
          </section>
        </>
      )}
    </div>
  );
}
