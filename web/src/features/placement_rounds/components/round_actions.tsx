import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { formatDateTime } from '../../../shared/text/format_date';
import { Alert } from '../../../shared/ui/alert';
import { Button } from '../../../shared/ui/button';
import { SectionHeading } from '../../../shared/ui/section_heading';
import { SubmitButton } from '../../../shared/ui/submit_button';
import { TextField } from '../../../shared/ui/text_field';
import { TEXT_LINK_CLASSES, TextLink } from '../../../shared/ui/text_link';
import { resultCsvUrl, useCreateFollowUp, useOpenRanking, type PlacementRound } from '../api/placement_rounds_api';
import { usePlacementRoundsTranslation } from '../i18n/placement_rounds_i18n';
import { ErrorList } from './error_list';

/**
 * Under a round's summary: opening it for ranking (the doctors and facilities are told once), the links between a
 * round and its follow-up round, and once confirmed the result as CSV and the follow-up round (二次選定) for the
 * unmatched doctors and the unfilled seats.
 */
export function RoundActions({ round }: { round: PlacementRound }) {
  const { t, language } = usePlacementRoundsTranslation();
  const open = useOpenRanking(round.id);
  const followUp = useCreateFollowUp(round.id);
  const navigate = useNavigate();
  const [deadlines, setDeadlines] = useState({ doctor_deadline: '', facility_deadline: '' });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (followUp.isPending) return;
    followUp.mutate(deadlines, { onSuccess: (made) => void navigate(`/career/rounds/${encodeURIComponent(made.id)}`) });
  };
  return (
    <div className="flex flex-col gap-3">
      {round.previous_round !== null && (
        <p className="text-std-16N-170">
          <TextLink to={`/career/rounds/${encodeURIComponent(round.previous_round.id)}`}>{t('actions.previousRound', { title: round.previous_round.title })}</TextLink>
        </p>
      )}
      {round.follow_up_round !== null && (
        <p className="text-std-16N-170">
          <TextLink to={`/career/rounds/${encodeURIComponent(round.follow_up_round.id)}`}>{t('actions.followUpRound', { title: round.follow_up_round.title })}</TextLink>
        </p>
      )}
      {round.state === 'open' &&
        (round.ranking_opened_at !== null ? (
          <p className="text-std-16N-170 text-solid-gray-800">
            {t('actions.rankingOpened', { at: formatDateTime(round.ranking_opened_at, language), by: round.ranking_opened_by ?? '' })}
          </p>
        ) : (
          <div className="flex flex-col gap-2">
            <p className="text-std-16N-170 text-solid-gray-800">{t('actions.openRankingHint')}</p>
            {open.isError && <ErrorList error={open.error} />}
            <div>
              <Button busy={open.isPending} onClick={() => !open.isPending && open.mutate(undefined)}>
                {open.isPending ? t('actions.openingRanking') : t('actions.openRanking')}
              </Button>
            </div>
          </div>
        ))}
      {round.state === 'confirmed' && (
        <p className="text-std-16N-170">
          <a className={TEXT_LINK_CLASSES} href={resultCsvUrl(round.id)} download>
            {t('actions.resultCsv')}
          </a>
        </p>
      )}
      {round.state === 'confirmed' && round.follow_up_round === null && round.result !== null && round.result.unmatched.length > 0 && round.result.unfilled.length > 0 && (
        <section aria-labelledby="follow-up" className="flex flex-col gap-3 rounded-12 border border-solid-gray-420 bg-white p-5">
          <SectionHeading id="follow-up">{t('actions.followUpHeading')}</SectionHeading>
          <p className="text-std-16N-170 text-solid-gray-800">{t('actions.followUpLead')}</p>
          {followUp.isError && <ErrorList error={followUp.error} />}
          {followUp.isSuccess && (
            <Alert kind="success">
              <p>{t('actions.followUpRound', { title: followUp.data.title })}</p>
            </Alert>
          )}
          <form className="flex flex-col gap-4" onSubmit={submit} noValidate>
            <TextField
              label={t('form.doctorDeadline')}
              name="doctor_deadline"
              type="date"
              value={deadlines.doctor_deadline}
              onValueChange={(v) => setDeadlines((d) => ({ ...d, doctor_deadline: v }))}
              required
            />
            <TextField
              label={t('form.facilityDeadline')}
              name="facility_deadline"
              type="date"
              value={deadlines.facility_deadline}
              onValueChange={(v) => setDeadlines((d) => ({ ...d, facility_deadline: v }))}
              required
            />
            <div>
              <SubmitButton busy={followUp.isPending} label={t('actions.followUpCreate')} busyLabel={t('actions.followUpCreating')} />
            </div>
          </form>
        </section>
      )}
    </div>
  );
}
