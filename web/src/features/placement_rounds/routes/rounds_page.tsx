import { useNavigate } from 'react-router';
import { messageForError } from '../../../shared/forms/form_errors';
import { useDocumentTitle } from '../../../shared/hooks/use_document_title';
import { useMessageText } from '../../../shared/i18n/message';
import { formatDate } from '../../../shared/text/format_date';
import { Alert } from '../../../shared/ui/alert';
import { Badge } from '../../../shared/ui/badge';
import { LoadingIndicator } from '../../../shared/ui/loading_indicator';
import { PageHeading } from '../../../shared/ui/page_heading';
import { SectionHeading } from '../../../shared/ui/section_heading';
import { TextLink } from '../../../shared/ui/text_link';
import { CentreNav } from '../components/centre_nav';
import { useCentreProgrammes, useCreateRound, usePlacementRounds } from '../api/placement_rounds_api';
import { RoundSettingsForm, type RoundSettings } from '../components/round_settings_form';
import { usePlacementRoundsTranslation } from '../i18n/placement_rounds_i18n';

/** Today in Japan, moved by `days`, as YYYY-MM-DD. */
function japanDate(days: number, base = Date.now()): string {
  return new Date(base + 9 * 3600_000 + days * 86_400_000).toISOString().slice(0, 10);
}

/** A new round starts from next April to the following March, with the ranks due in two and three weeks. */
function defaults(): RoundSettings {
  const year = Number(japanDate(0).slice(0, 4)) + 1;
  return {
    year: String(year),
    programme_id: '',
    title: '',
    mechanism: 'fda',
    assignment_kind: 'work',
    term_start: `${year}-04-01`,
    term_end: `${year + 1}-03-31`,
    doctor_deadline: japanDate(14),
    facility_deadline: japanDate(21),
  };
}

/** 「配属先選定」: the centre's rounds, and a new one. */
export function RoundsPage() {
  const { t, language } = usePlacementRoundsTranslation();
  useDocumentTitle(t('list.title'));
  const text = useMessageText();
  const rounds = usePlacementRounds();
  const programmes = useCentreProgrammes();
  const create = useCreateRound();
  const navigate = useNavigate();
  return (
    <div className="flex flex-col gap-8">
      <div className="flex flex-col gap-4">
        <PageHeading>{t('list.title')}</PageHeading>
        <CentreNav />
        <p className="text-std-16N-170 text-solid-gray-800">{t('list.lead')}</p>
      </div>
      <section aria-labelledby="round-list" className="flex flex-col gap-4">
        <SectionHeading id="round-list">{t('list.heading')}</SectionHeading>
        {rounds.isPending && <LoadingIndicator />}
        {rounds.isError && (
          <Alert kind="error">
            <p>{text(messageForError(rounds.error))}</p>
          </Alert>
        )}
        {rounds.data?.items.length === 0 && <p className="text-std-16N-170">{t('list.empty')}</p>}
        <ul className="flex flex-col gap-4">
          {rounds.data?.items.map((r) => (
            <li key={r.id} className="flex flex-col gap-2 rounded-12 border border-solid-gray-420 bg-white p-5">
              <h3 className="flex flex-wrap items-center gap-3 text-std-20B-150">
                <TextLink to={`/career/rounds/${encodeURIComponent(r.id)}`}>{r.title}</TextLink>
                <Badge kind={r.state === 'open' ? 'info' : 'success'}>{r.state_label}</Badge>
              </h3>
              <p className="text-std-16N-170 text-solid-gray-800">
                {t('round.summary', { year: r.year, programme: r.programme_name ?? t('list.allProgrammes'), mechanism: t(`form.mechanisms.${r.mechanism}`) })}
              </p>
              <p className="text-std-16N-170 text-solid-gray-800">{t('list.counts', { positions: r.positions, seats: r.seats, ranked: r.doctors_ranked })}</p>
              <p className="text-std-16N-170 text-solid-gray-800">
                {t('list.deadlines', { doctor: formatDate(r.doctor_deadline, language), facility: formatDate(r.facility_deadline, language) })}
              </p>
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="round-create" className="flex flex-col gap-6 rounded-12 border border-solid-gray-420 bg-white p-5 desktop:p-8">
        <SectionHeading id="round-create">{t('form.createHeading')}</SectionHeading>
        <RoundSettingsForm
          creating
          initial={defaults()}
          programmes={programmes.data?.items.map((p) => ({ id: p.id, name: p.name })) ?? []}
          busy={create.isPending}
          error={create.error}
          onSubmit={(body) => create.mutate(body, { onSuccess: (r) => void navigate(`/career/rounds/${encodeURIComponent(r.id)}`) })}
        />
      </section>
    </div>
  );
}
