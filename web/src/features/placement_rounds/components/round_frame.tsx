import type { ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import { messageForError } from '../../../shared/forms/form_errors';
import { useDocumentTitle } from '../../../shared/hooks/use_document_title';
import { useMessageText } from '../../../shared/i18n/message';
import { formatDate, formatDateTime } from '../../../shared/text/format_date';
import { Alert } from '../../../shared/ui/alert';
import { Badge } from '../../../shared/ui/badge';
import { LoadingIndicator } from '../../../shared/ui/loading_indicator';
import { PageHeading } from '../../../shared/ui/page_heading';
import { TextLink } from '../../../shared/ui/text_link';
import { CentreNav } from './centre_nav';
import { RoundActions } from './round_actions';
import { usePlacementRound, type PlacementRound } from '../api/placement_rounds_api';
import { usePlacementRoundsTranslation } from '../i18n/placement_rounds_i18n';

export type RoundTab = 'setup' | 'ranks' | 'preview' | 'confirm';

const TABS: { tab: RoundTab; suffix: string; key: 'round.tabSetup' | 'round.tabRanks' | 'round.tabPreview' | 'round.tabConfirm' }[] = [
  { tab: 'setup', suffix: '', key: 'round.tabSetup' },
  { tab: 'ranks', suffix: '/ranks', key: 'round.tabRanks' },
  { tab: 'preview', suffix: '/preview', key: 'round.tabPreview' },
  { tab: 'confirm', suffix: '/confirm', key: 'round.tabConfirm' },
];

/**
 * A round's pages: its heading and summary, then the four steps as links (each its own URL, so a step can be
 * reloaded or shared; the current one is marked with aria-current), then the step's content.
 */
export function RoundFrame({ tab, children }: { tab: RoundTab; children: (round: PlacementRound) => ReactNode }) {
  const { t, language } = usePlacementRoundsTranslation();
  const text = useMessageText();
  const { id = '' } = useParams();
  const round = usePlacementRound(id);
  const r = round.data;
  const current = TABS.find((x) => x.tab === tab);
  useDocumentTitle(r === undefined ? t('list.title') : `${t(current?.key ?? 'round.tabSetup')}：${r.title}`);
  return (
    <div className="flex flex-col gap-8">
      <div className="flex flex-col gap-4">
        <CentreNav />
        <p>
          <TextLink to="/career/rounds">{t('round.back')}</TextLink>
        </p>
        {round.isPending && <LoadingIndicator />}
        {round.isError && (
          <Alert kind="error">
            <p>{text(messageForError(round.error))}</p>
          </Alert>
        )}
        {r !== undefined && (
          <>
            <PageHeading>{r.title}</PageHeading>
            <div className="flex flex-col gap-1 text-std-16N-170 text-solid-gray-800">
              <p className="flex flex-wrap items-center gap-2">
                <Badge kind={r.state === 'open' ? 'info' : 'success'}>{t('round.state', { state: r.state_label })}</Badge>
                <span>
                  {t('round.summary', {
                    year: r.year,
                    programme: r.programme_name ?? t('list.allProgrammes'),
                    mechanism: t(`form.mechanisms.${r.mechanism}`),
                  })}
                </span>
              </p>
              <p>
                {t('round.term', {
                  start: formatDate(r.term_start, language),
                  end: formatDate(r.term_end, language),
                  kind: r.assignment_kind_label,
                })}
              </p>
              <p>{t('round.deadlines', { doctor: formatDate(r.doctor_deadline, language), facility: formatDate(r.facility_deadline, language) })}</p>
            </div>
            {r.state === 'confirmed' && (
              <Alert kind="info">
                <p>{t('round.confirmedNotice', { at: formatDateTime(r.confirmed_at ?? '', language), by: r.confirmed_by ?? '' })}</p>
              </Alert>
            )}
            <RoundActions round={r} />
            <nav aria-label={t('round.tabs')}>
              <ul className="flex flex-wrap gap-2 border-b border-solid-gray-420">
                {TABS.map((x) => (
                  <li key={x.tab}>
                    <Link
                      to={`/career/rounds/${encodeURIComponent(r.id)}${x.suffix}`}
                      aria-current={x.tab === tab ? 'page' : undefined}
                      className={`-mb-px inline-flex min-h-11 items-center rounded-t-8 border px-4 text-std-16B-170 ${
                        x.tab === tab
                          ? 'border-solid-gray-420 border-b-white bg-white text-solid-gray-900'
                          : 'border-transparent text-blue-1000 underline underline-offset-[3px] hover:decoration-[3px]'
                      }`}
                    >
                      {t(x.key)}
                    </Link>
                  </li>
                ))}
              </ul>
            </nav>
          </>
        )}
      </div>
      {r !== undefined && children(r)}
    </div>
  );
}
