import { formatDateTime } from '../../../shared/text/format_date';
import type { StageEvent } from '../api/applications_api';
import { useApplicationsTranslation } from '../i18n/applications_i18n';
import { useApplicationLabels } from '../use_application_labels';

/**
 * Every move of the pipeline, oldest first: when, from and to, and who (as
 * the server names them). The seeker is not shown who moved it: the staff
 * login of a facility whose posting is masked is no business of theirs.
 */
export function StageHistory({ events, showActor }: { events: readonly StageEvent[]; showActor: boolean }) {
  const { t, language } = useApplicationsTranslation();
  const labels = useApplicationLabels();
  return (
    <ol className="flex flex-col gap-2">
      {events.map((event, index) => (
        <li
          key={`${event.at}-${index}`}
          className="flex flex-col gap-x-4 gap-y-1 rounded-8 border border-solid-gray-200 bg-white px-4 py-3 text-std-16N-170 desktop:flex-row desktop:flex-wrap desktop:items-baseline"
        >
          <time dateTime={event.at} className="text-solid-gray-700">
            {formatDateTime(event.at, language)}
          </time>
          <span className="font-700 text-solid-gray-900">
            {event.from === null
              ? t('history.received', { to: labels.stage(event.to, event.to_name) })
              : t('history.fromTo', { from: labels.stage(event.from), to: labels.stage(event.to, event.to_name) })}
          </span>
          {showActor && <span className="break-all text-solid-gray-700">{event.by}</span>}
        </li>
      ))}
    </ol>
  );
}
