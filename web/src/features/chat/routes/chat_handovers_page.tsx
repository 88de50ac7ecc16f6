import { useCallback, useId, useState, type FormEvent } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { ApiError } from '../../../shared/api/api_error';
import { useDocumentTitle } from '../../../shared/hooks/use_document_title';
import { formatDateTime } from '../../../shared/text/format_date';
import { Alert } from '../../../shared/ui/alert';
import { Button } from '../../../shared/ui/button';
import { LoadingIndicator } from '../../../shared/ui/loading_indicator';
import { PageHeading } from '../../../shared/ui/page_heading';
import { useChatHandovers, useStaffReply, type ChatHandover } from '../api/chat_api';
import { useChatTranslation } from '../i18n/chat_i18n';
import { useChatEvents } from '../use_chat_events';

/**
 * Coordinators' (and the secretariat's) list of conversations the chat handed over (issue 16): who asks, when,
 * the transcript and the wishes collected, and an answer form that writes into the same thread. The list follows
 * the live stream: a new handover, a user's message and a hand-back arrive as notices and the list is fetched
 * again (and after every reconnection); no polling.
 */
export function ChatHandoversPage() {
  const { t } = useChatTranslation();
  const title = t('handovers.title');
  useDocumentTitle(title);
  const handovers = useChatHandovers();
  const queryClient = useQueryClient();
  const refresh = useCallback(() => void queryClient.invalidateQueries({ queryKey: ['chat', 'handovers'] }), [queryClient]);
  useChatEvents(true, refresh, refresh);
  return (
    <div className="flex flex-col gap-8">
      <div className="flex flex-col gap-4">
        <PageHeading>{title}</PageHeading>
        <p className="text-std-16N-170 text-solid-gray-800">{t('handovers.lead')}</p>
      </div>
      {handovers.isPending && <LoadingIndicator />}
      {handovers.isError && (
        <Alert kind="error">
          <p>{handovers.error.message}</p>
        </Alert>
      )}
      {handovers.data !== undefined && handovers.data.items.length === 0 && <p>{t('handovers.empty')}</p>}
      {handovers.data !== undefined && handovers.data.items.length > 0 && (
        <ul className="flex flex-col gap-8">
          {handovers.data.items.map((item) => (
            <li key={item.id}>
              <Handover item={item} />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function Handover({ item }: { item: ChatHandover }) {
  const { t, language } = useChatTranslation();
  const headingId = useId();
  const fieldId = useId();
  const reply = useStaffReply(item.id);
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [sent, setSent] = useState(false);
  const open = item.state === 'handed_over';
  const asker = item.asker === '' ? t('handovers.anonymousAsker') : item.asker;

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setSent(false);
    if (text.trim() === '') {
      setError(t('errorEmpty'));
      return;
    }
    try {
      await reply.mutateAsync(text);
      setText('');
      setError(null);
      setSent(true);
    } catch (e) {
      setError(e instanceof ApiError && e.hasServerMessage ? (e.fields.text ?? e.message) : t('errorGeneric'));
    }
  }

  return (
    <section id={item.id} aria-labelledby={headingId} className="flex flex-col gap-4 rounded-12 border border-solid-gray-420 p-4 desktop:p-6">
      <h2 id={headingId} className="text-std-24B-150 text-solid-gray-900">
        {`${t('handovers.asker')}：${asker}`}
      </h2>
      <p className="text-std-16N-170 text-solid-gray-800">
        {`${t('handovers.handedAt')}：${item.handed_over_at ? formatDateTime(item.handed_over_at, language) : ''}（${open ? t('handovers.stateHanded') : t('handovers.stateBack')}）`}
      </p>
      <h3 className="text-std-17B-170">{t('handovers.transcript')}</h3>
      <ol className="flex flex-col gap-2">
        {item.messages.map((m) => (
          <li key={m.seq} className={`rounded-8 px-3 py-2 ${m.author === 'user' ? 'bg-blue-50' : 'bg-solid-gray-50'}`}>
            <p className="text-dns-14B-130 text-solid-gray-700">
              {m.author === 'user' ? asker : m.author === 'staff' ? (m.by ?? t('staff')) : t('bot')}
              {' ・ '}
              {formatDateTime(m.at, language)}
            </p>
            <p className="whitespace-pre-line break-words text-std-16N-170">{m.text}</p>
          </li>
        ))}
      </ol>
      {open && (
        <form onSubmit={onSubmit} noValidate className="flex flex-col gap-2">
          <label htmlFor={fieldId} className="text-std-16B-170">
            {t('handovers.reply')}
          </label>
          <textarea
            id={fieldId}
            rows={3}
            maxLength={1000}
            value={text}
            onChange={(event) => setText(event.target.value)}
            aria-invalid={error !== null ? true : undefined}
            aria-describedby={error !== null ? `${fieldId}-error` : undefined}
            className="w-full rounded-8 border border-solid-gray-600 px-3 py-2 text-std-16N-170 focus:outline focus:outline-4 focus:outline-offset-2 focus:outline-black"
          />
          {error !== null && (
            <p id={`${fieldId}-error`} className="text-std-16N-170 text-error-1">
              {error}
            </p>
          )}
          <p role="status" className="text-std-16N-170">
            {sent ? t('handovers.sent') : ''}
          </p>
          <div>
            <Button type="submit" busy={reply.isPending}>
              {t('handovers.send')}
            </Button>
          </div>
        </form>
      )}
    </section>
  );
}
