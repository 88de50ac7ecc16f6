import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { messageForError } from '../../../shared/forms/form_errors';
import type { TranslationKey } from '../../../shared/i18n/message';
import { useMessageText } from '../../../shared/i18n/message';
import type { Role } from '../../../shared/reference/roles';
import { formatDateTime } from '../../../shared/text/format_date_time';
import { Alert } from '../../../shared/ui/alert';
import { LoadingIndicator } from '../../../shared/ui/loading_indicator';
import { useHomeCounts } from '../api/home_api';
import { HOME_TODOS } from '../home_todos';

/**
 * 「いま対応が必要なこと」: the role's counts, each a link to where the items
 * are, in a fixed order; what has something waiting stands out, and zero reads
 * as such rather than disappearing, so the list keeps its shape.
 */
export function TodoList({ role }: { role: Role }) {
  const { t, i18n } = useTranslation();
  const text = useMessageText();
  const home = useHomeCounts();

  return (
    <section aria-labelledby="home-todo" className="flex flex-col gap-4">
      <h2 id="home-todo" className="text-std-24B-150 text-solid-gray-900">
        {t('home.todo.heading')}
      </h2>
      {home.isPending && <LoadingIndicator />}
      {home.isError && (
        <Alert kind="error">
          <p>{text(messageForError(home.error))}</p>
        </Alert>
      )}
      {home.data !== undefined && (
        <>
          <ul className="grid grid-cols-1 gap-3 desktop:grid-cols-2 desktop-admin:grid-cols-3">
            {HOME_TODOS[role].filter((todo) => todo.onlyWhenCounted !== true || home.data.counts[todo.key] !== undefined).map((todo) => {
              const count = home.data.counts[todo.key] ?? 0;
              const label = t(`home.todo.items.${todo.key}` as TranslationKey, { hours: home.data.counts.stale_after_hours ?? 24 });
              return (
                <li key={todo.key}>
                  <Link
                    to={todo.path}
                    data-todo={todo.key}
                    className={`flex h-full min-h-11 items-center justify-between gap-4 rounded-8 border p-4 no-underline hover:bg-blue-50 ${
                      count > 0 ? 'border-l-8 border-blue-900 bg-white' : 'border-solid-gray-420 bg-solid-gray-50'
                    }`}
                  >
                    <span className="text-std-16B-170 text-blue-1000 underline underline-offset-[3px]">{label}</span>
                    <span className={`shrink-0 ${count > 0 ? 'text-std-24B-150 text-solid-gray-900' : 'text-std-16N-170 text-solid-gray-700'}`}>
                      {count > 0 ? t('home.todo.count', { count }) : t('home.todo.none')}
                    </span>
                  </Link>
                </li>
              );
            })}
          </ul>
          {home.data.counts.board_facilities !== undefined && (
            <p className="text-std-16N-170 text-solid-gray-800">{t('home.todo.boardTotal', { count: home.data.counts.board_facilities })}</p>
          )}
          <p className="text-dns-14N-130 text-solid-gray-700">{t('home.todo.asOf', { time: formatDateTime(home.data.as_of, i18n.language) })}</p>
        </>
      )}
    </section>
  );
}
