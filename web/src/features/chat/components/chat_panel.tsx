import { useCallback, useEffect, useId, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { ApiError } from '../../../shared/api/api_error';
import { Button, buttonClassName } from '../../../shared/ui/button';
import { TEXT_LINK_CLASSES } from '../../../shared/ui/text_link';
import { getChatConversation, postChatMessage, type ChatReply } from '../api/chat_api';
import { useChatTranslation } from '../i18n/chat_i18n';
import { useChatEvents, type ChatNotice } from '../use_chat_events';

interface ChatLine {
  id: number;
  author: 'user' | 'bot' | 'staff';
  text: string;
  reply?: ChatReply;
  /** A coordinator's message: their name and organisation. */
  by?: string;
}

const MAX_LENGTH = 1000;

/**
 * The auto-response chat, on every page (issue 16): a button at the bottom right opens a panel with the
 * conversation, a message field and the replies' sources and choices. For keyboard and screen-reader users:
 * the panel is a labelled complementary landmark; opening it moves focus to the message field, Escape closes it
 * and returns focus to the button; replies are announced through the conversation log (role="log"), and a
 * status line says while an answer is being prepared. Enter sends (not while an IME is composing), Shift+Enter
 * starts a new line.
 */
export function ChatPanel() {
  const { t } = useChatTranslation();
  const [open, setOpen] = useState(false);
  const [lines, setLines] = useState<ChatLine[]>([]);
  const [conversation, setConversation] = useState<string | null>(null);
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const [handedOver, setHandedOver] = useState(false);
  const staffSeen = useRef(new Set<number>());
  const toggleRef = useRef<HTMLButtonElement>(null);
  const inputRef = useRef<HTMLTextAreaElement>(null);
  const logRef = useRef<HTMLDivElement>(null);
  const nextId = useRef(1);
  const panelId = useId();
  const titleId = `${panelId}-title`;
  const inputId = `${panelId}-message`;

  useEffect(() => {
    if (open) inputRef.current?.focus();
  }, [open]);

  // While coordinators answer in the conversation, their messages arrive as notices on the live stream (and are
  // fetched again after every reconnection, in case one was missed); they are added to the log, which announces
  // them like any reply. No polling.
  const fetchStaffMessages = useCallback(async () => {
    if (conversation === null) return;
    try {
      const c = await getChatConversation(conversation);
      const fresh = c.messages.filter((m) => m.author === 'staff' && !staffSeen.current.has(m.seq));
      fresh.forEach((m) => staffSeen.current.add(m.seq));
      if (fresh.length > 0)
        setLines((l) => [...l, ...fresh.map((m) => ({ id: nextId.current++, author: 'staff' as const, text: m.text, by: m.by }))]);
      if (c.state !== 'handed_over') setHandedOver(false);
    } catch {
      // Fetched again at the next notice or reconnection.
    }
  }, [conversation]);
  const onNotice = useCallback(
    (notice: ChatNotice) => {
      if (notice.kind === 'chat_reply' && notice.link === `/?chat=${conversation ?? ''}`) void fetchStaffMessages();
    },
    [conversation, fetchStaffMessages],
  );
  const onConnected = useCallback(() => void fetchStaffMessages(), [fetchStaffMessages]);
  useChatEvents(handedOver && conversation !== null, onNotice, onConnected);

  // A notice's link (/?chat=<id>) opens the panel on that conversation with its whole transcript.
  const [searchParams, setSearchParams] = useSearchParams();
  const linked = searchParams.get('chat');
  useEffect(() => {
    if (linked === null) return;
    setSearchParams(
      (params) => {
        params.delete('chat');
        return params;
      },
      { replace: true },
    );
    // Not aborted when the parameter goes away (that is this effect's own doing).
    getChatConversation(linked)
      .then((c) => {
        staffSeen.current = new Set(c.messages.filter((m) => m.author === 'staff').map((m) => m.seq));
        setLines(
          c.messages.map((m) => ({
            id: nextId.current++,
            author: m.author,
            text: m.text,
            by: m.by,
            reply: m.author === 'bot' ? { kind: m.kind ?? 'answer', text: m.text, sources: m.sources ?? [], choices: [] } : undefined,
          })),
        );
        setConversation(c.id);
        setHandedOver(c.state === 'handed_over');
        setOpen(true);
      })
      .catch(() => undefined);
  }, [linked, setSearchParams]);

  useEffect(() => {
    const log = logRef.current;
    if (log) log.scrollTop = log.scrollHeight;
  }, [lines, sending]);

  function close() {
    setOpen(false);
    // After the panel is gone, focus goes back to the button that opened it.
    requestAnimationFrame(() => toggleRef.current?.focus());
  }

  async function send(message: string) {
    const trimmed = message.trim();
    if (sending) return;
    if (trimmed.length === 0) {
      setError(t('errorEmpty'));
      inputRef.current?.focus();
      return;
    }
    setError(null);
    setSending(true);
    setLines((l) => [...l, { id: nextId.current++, author: 'user', text: trimmed }]);
    setText('');
    try {
      const posted = await postChatMessage(trimmed, conversation);
      setConversation(posted.conversation);
      setHandedOver(posted.state === 'handed_over');
      setLines((l) => [...l, { id: nextId.current++, author: 'bot', text: posted.reply.text, reply: posted.reply }]);
    } catch (e) {
      if (e instanceof ApiError && e.status === 404 && conversation !== null) {
        // The conversation is no longer ours (logged in or out since): start a new one with the same message.
        setConversation(null);
        try {
          const posted = await postChatMessage(trimmed, null);
          setConversation(posted.conversation);
          setLines((l) => [...l, { id: nextId.current++, author: 'bot', text: posted.reply.text, reply: posted.reply }]);
          return;
        } catch (again) {
          e = again;
        }
      }
      setLines((l) => l.slice(0, -1));
      setText(trimmed);
      setError(e instanceof ApiError && e.hasServerMessage ? (e.fields.text ?? e.message) : t('errorGeneric'));
    } finally {
      setSending(false);
      inputRef.current?.focus();
    }
  }

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    void send(text);
  }

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      void send(text);
    }
  }

  function restart() {
    setLines([]);
    setConversation(null);
    setHandedOver(false);
    setError(null);
    inputRef.current?.focus();
  }

  return (
    <aside aria-label={t('title')} className="print:hidden">
      {!open && (
        <button
          ref={toggleRef}
          type="button"
          aria-expanded={false}
          onClick={() => setOpen(true)}
          className={buttonClassName('primary', 'fixed bottom-4 right-4 z-40 shadow-lg')}
        >
          {t('open')}
        </button>
      )}
      {open && (
        <section
          id={panelId}
          aria-labelledby={titleId}
          onKeyDown={(event) => {
            if (event.key === 'Escape') {
              event.stopPropagation();
              close();
            }
          }}
          className="fixed inset-x-0 bottom-0 z-40 flex max-h-[85vh] flex-col border-t border-solid-gray-420 bg-white shadow-2xl desktop:inset-x-auto desktop:bottom-6 desktop:right-6 desktop:max-h-[75vh] desktop:w-[28rem] desktop:rounded-12 desktop:border"
        >
          <div className="flex items-center justify-between gap-2 border-b border-solid-gray-420 px-4 py-2">
            <h2 id={titleId} className="text-std-18B-160">
              {t('title')}
            </h2>
            <Button variant="text" onClick={close} aria-expanded={true} className="px-2">
              {t('close')}
            </Button>
          </div>
          <div ref={logRef} className="flex-1 overflow-y-auto px-4 py-3">
            <p className="mb-3 text-std-16N-170 text-solid-gray-700">{t('intro')}</p>
            <div role="log" aria-label={t('log')} aria-live="polite">
              <ol className="flex flex-col gap-3">
                {lines.map((line) => (
                  <li key={line.id} className={line.author === 'user' ? 'self-end max-w-[90%]' : 'self-start max-w-[95%]'}>
                    <ChatBubble line={line} disabled={sending} onChoose={(value) => void send(value)} onNavigate={close} />
                  </li>
                ))}
              </ol>
            </div>
            <p role="status" className="mt-2 text-std-16N-170 text-solid-gray-700">
              {sending ? t('sending') : ''}
            </p>
          </div>
          <form onSubmit={onSubmit} noValidate className="flex flex-col gap-2 border-t border-solid-gray-420 px-4 py-3">
            <label htmlFor={inputId} className="text-std-16B-170">
              {t('message')}
            </label>
            <p id={`${inputId}-hint`} className="text-dns-14N-130 text-solid-gray-700">
              {t('messageHint')}
            </p>
            <textarea
              ref={inputRef}
              id={inputId}
              name="text"
              rows={2}
              maxLength={MAX_LENGTH}
              value={text}
              onChange={(event) => setText(event.target.value)}
              onKeyDown={onKeyDown}
              aria-invalid={error !== null ? true : undefined}
              aria-describedby={error !== null ? `${inputId}-hint ${inputId}-error` : `${inputId}-hint`}
              className="w-full resize-none rounded-8 border border-solid-gray-600 px-3 py-2 text-std-16N-170 focus:outline focus:outline-4 focus:outline-offset-2 focus:outline-black"
            />
            {error !== null && (
              <p id={`${inputId}-error`} className="text-std-16N-170 text-error-1">
                {error}
              </p>
            )}
            <div className="flex flex-wrap items-center justify-between gap-2">
              <Button variant="text" onClick={restart} className="px-2">
                {t('restart')}
              </Button>
              <Button type="submit" busy={sending}>
                {t('send')}
              </Button>
            </div>
          </form>
        </section>
      )}
    </aside>
  );
}

function ChatBubble({ line, disabled, onChoose, onNavigate }: { line: ChatLine; disabled: boolean; onChoose: (value: string) => void; onNavigate: () => void }) {
  const { t } = useChatTranslation();
  const reply = line.reply;
  return (
    <div className={`rounded-8 px-3 py-2 ${line.author === 'user' ? 'bg-blue-50' : line.author === 'staff' ? 'bg-green-50' : 'bg-solid-gray-50'}`}>
      <p className="text-dns-14B-130 text-solid-gray-700">{line.author === 'user' ? t('you') : line.author === 'staff' ? (line.by ?? t('staff')) : t('bot')}</p>
      <p className="whitespace-pre-line text-std-16N-170">{line.text}</p>
      {reply !== undefined && reply.choices.length > 0 && (
        <ul aria-label={t('choicesLabel')} className="mt-2 flex flex-col gap-2">
          {reply.choices.map((choice, i) => (
            <li key={choice.value}>
              <Button variant="secondary" disabled={disabled} onClick={() => onChoose(choice.value)} className="w-full justify-start text-left">
                {`${i + 1}. ${choice.label}`}
              </Button>
            </li>
          ))}
        </ul>
      )}
      {reply !== undefined && reply.choices.length === 0 && reply.sources.length > 0 && (
        <div className="mt-2">
          <p className="text-dns-14B-130 text-solid-gray-700">{t('sources')}</p>
          <ul className="flex flex-col gap-1">
            {reply.sources.map((source) => (
              <li key={`${source.type}-${source.url}`}>
                <Link to={source.url} className={TEXT_LINK_CLASSES} onClick={onNavigate}>
                  {source.title}
                </Link>
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
