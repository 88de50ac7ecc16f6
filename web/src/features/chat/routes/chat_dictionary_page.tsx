import { useEffect, useId, useMemo, useRef, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { ApiError } from '../../../shared/api/api_error';
import { useDocumentTitle } from '../../../shared/hooks/use_document_title';
import { Alert } from '../../../shared/ui/alert';
import { Button } from '../../../shared/ui/button';
import { ConfirmDialog } from '../../../shared/ui/confirm_dialog';
import { LoadingIndicator } from '../../../shared/ui/loading_indicator';
import { PageHeading } from '../../../shared/ui/page_heading';
import { SectionHeading } from '../../../shared/ui/section_heading';
import { SelectField } from '../../../shared/ui/select_field';
import { TextAreaField } from '../../../shared/ui/text_area_field';
import { TextField } from '../../../shared/ui/text_field';
import { TEXT_LINK_CLASSES } from '../../../shared/ui/text_link';
import {
  tryChat,
  useChatFaqArticles,
  useChatFaqPhrases,
  useChatSynonyms,
  useDeleteChatSynonym,
  useSaveChatFaqPhrases,
  useSaveChatSynonym,
  type ChatSynonymGroup,
  type ChatTryResult,
} from '../api/chat_api';
import { useChatTranslation } from '../i18n/chat_i18n';

/** Terms as typed: separated by 、 , ， or line breaks; blanks dropped (the server trims and checks each). */
export function splitTerms(text: string): string[] {
  return text
    .split(/[、,，\n]/)
    .map((term) => term.trim())
    .filter((term) => term !== '');
}

function messageOf(error: unknown, field: string, fallback: string): string {
  return error instanceof ApiError && error.hasServerMessage ? (error.fields[field] ?? error.message) : fallback;
}

/**
 * The secretariat's chat dictionary (issue 16): try a question and see what the chat would do (the decision and
 * the top three FAQ entries with their scores), the synonym groups (add, change, delete after confirming), and
 * each FAQ article's paraphrases. Every edit takes effect at the chat's next message.
 */
export function ChatDictionaryPage() {
  const { t } = useChatTranslation();
  const title = t('dictionary.title');
  useDocumentTitle(title);
  const [tryAgain, setTryAgain] = useState(0);
  return (
    <div className="flex flex-col gap-10">
      <div className="flex flex-col gap-4">
        <PageHeading>{title}</PageHeading>
        <p className="text-std-16N-170 text-solid-gray-800">{t('dictionary.lead')}</p>
      </div>
      <TryBox refresh={tryAgain} />
      <Synonyms onChanged={() => setTryAgain((n) => n + 1)} />
      <Phrases onChanged={() => setTryAgain((n) => n + 1)} />
    </div>
  );
}

/** 試してみる: what the chat would answer; asked again after every edit on this page, so the effect shows at once. */
function TryBox({ refresh }: { refresh: number }) {
  const { t } = useChatTranslation();
  const headingId = useId();
  const [text, setText] = useState('');
  const asked = useRef<string | null>(null);
  const [result, setResult] = useState<ChatTryResult | null>(null);
  const [error, setError] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const failed = t('errorGeneric');

  async function run(question: string) {
    setBusy(true);
    try {
      setResult(await tryChat(question));
      asked.current = question;
      setError(undefined);
    } catch (e) {
      setError(messageOf(e, 'text', failed));
    } finally {
      setBusy(false);
    }
  }

  // After an edit on this page, the last question is asked again: the effect of the edit shows at once.
  useEffect(() => {
    const question = asked.current;
    if (refresh === 0 || question === null) return;
    let live = true;
    tryChat(question)
      .then((r) => {
        if (live) setResult(r);
      })
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [refresh]);

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (text.trim() === '') {
      setError(t('dictionary.tryEmpty'));
      return;
    }
    void run(text.trim());
  }

  return (
    <section aria-labelledby={headingId} className="flex flex-col gap-4 rounded-12 border border-solid-gray-420 p-4 desktop:p-6">
      <SectionHeading id={headingId}>{t('dictionary.tryTitle')}</SectionHeading>
      <p className="text-std-16N-170">{t('dictionary.tryLead')}</p>
      <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
        <TextField label={t('dictionary.tryLabel')} name="try" value={text} onValueChange={setText} maxLength={1000} error={error} />
        <div>
          <Button type="submit" busy={busy}>
            {t('dictionary.tryButton')}
          </Button>
        </div>
      </form>
      <div role="status" aria-live="polite">
        {result !== null && (
          <div className="flex flex-col gap-3" data-testid="try-result">
            <p className="text-std-17B-170">
              {t(`dictionary.decision.${result.decision}`)}
            </p>
            <p className="break-words text-std-16N-170">{`${t('dictionary.readAs')}：${result.read_as}`}</p>
            {result.top.length === 0 ? (
              <p>{t('dictionary.noHits')}</p>
            ) : (
              <ol className="flex flex-col gap-2">
                {result.top.map((hit, i) => (
                  <li key={hit.faq_id} className="rounded-8 bg-solid-gray-50 px-3 py-2">
                    <p className="break-words text-std-16B-170">
                      {`${i + 1}. `}
                      <Link to={hit.url} className={TEXT_LINK_CLASSES}>
                        {hit.question}
                      </Link>
                    </p>
                    <p className="text-std-16N-170">
                      {t('dictionary.scores', { fused: hit.fused.toFixed(2), words: hit.words.toFixed(2), bigrams: hit.bigrams.toFixed(2) })}
                    </p>
                  </li>
                ))}
              </ol>
            )}
          </div>
        )}
      </div>
    </section>
  );
}

function Synonyms({ onChanged }: { onChanged: () => void }) {
  const { t } = useChatTranslation();
  const headingId = useId();
  const synonyms = useChatSynonyms();
  const save = useSaveChatSynonym();
  const remove = useDeleteChatSynonym();
  const [terms, setTerms] = useState('');
  const [error, setError] = useState<string | undefined>(undefined);
  const [status, setStatus] = useState('');
  const [filter, setFilter] = useState('');
  const [deleting, setDeleting] = useState<ChatSynonymGroup | null>(null);

  const shown = useMemo(() => {
    const items = synonyms.data?.items ?? [];
    const f = filter.trim().toLowerCase();
    return f === '' ? items : items.filter((g) => g.terms.some((term) => term.toLowerCase().includes(f)));
  }, [synonyms.data, filter]);

  async function onAdd(event: FormEvent) {
    event.preventDefault();
    setStatus('');
    try {
      await save.mutateAsync({ id: null, terms: splitTerms(terms) });
      setTerms('');
      setError(undefined);
      setStatus(t('dictionary.added'));
      onChanged();
    } catch (e) {
      setError(messageOf(e, 'terms', t('errorGeneric')));
    }
  }

  async function onDelete() {
    if (deleting === null) return;
    try {
      await remove.mutateAsync(deleting.id);
      setStatus(t('dictionary.deleted', { terms: deleting.terms.join('・') }));
      onChanged();
    } catch (e) {
      setStatus(messageOf(e, 'id', t('errorGeneric')));
    } finally {
      setDeleting(null);
    }
  }

  return (
    <section aria-labelledby={headingId} className="flex flex-col gap-4">
      <SectionHeading id={headingId}>{t('dictionary.synonymsTitle')}</SectionHeading>
      <p className="text-std-16N-170">{t('dictionary.synonymsLead')}</p>
      <form onSubmit={onAdd} noValidate className="flex flex-col gap-4 rounded-12 border border-solid-gray-420 p-4 desktop:p-6">
        <TextField
          label={t('dictionary.newGroup')}
          name="terms"
          value={terms}
          onValueChange={setTerms}
          hint={t('dictionary.termsHint')}
          error={error}
        />
        <div>
          <Button type="submit" busy={save.isPending}>
            {t('dictionary.add')}
          </Button>
        </div>
      </form>
      <p role="status" className="text-std-16N-170">
        {status}
      </p>
      <TextField label={t('dictionary.filter')} name="filter" value={filter} onValueChange={setFilter} type="search" />
      {synonyms.isPending && <LoadingIndicator />}
      {synonyms.isError && (
        <Alert kind="error">
          <p>{synonyms.error.message}</p>
        </Alert>
      )}
      {synonyms.data !== undefined && (
        <>
          <p className="text-std-16N-170">{t('dictionary.count', { shown: shown.length, total: synonyms.data.total })}</p>
          <ul className="flex flex-col gap-3">
            {shown.map((group) => (
              <li key={group.id}>
                <SynonymGroup group={group} onDelete={() => setDeleting(group)} onChanged={onChanged} />
              </li>
            ))}
          </ul>
        </>
      )}
      <ConfirmDialog
        open={deleting !== null}
        title={t('dictionary.deleteTitle')}
        confirmLabel={t('dictionary.delete')}
        cancelLabel={t('dictionary.cancel')}
        busy={remove.isPending}
        onConfirm={() => void onDelete()}
        onCancel={() => setDeleting(null)}
      >
        <p>{t('dictionary.deleteBody', { terms: deleting?.terms.join('・') ?? '' })}</p>
      </ConfirmDialog>
    </section>
  );
}

function SynonymGroup({ group, onDelete, onChanged }: { group: ChatSynonymGroup; onDelete: () => void; onChanged: () => void }) {
  const { t } = useChatTranslation();
  const save = useSaveChatSynonym();
  const [editing, setEditing] = useState(false);
  const [terms, setTerms] = useState(group.terms.join('、'));
  const [error, setError] = useState<string | undefined>(undefined);

  async function onSave(event: FormEvent) {
    event.preventDefault();
    try {
      await save.mutateAsync({ id: group.id, terms: splitTerms(terms) });
      setError(undefined);
      setEditing(false);
      onChanged();
    } catch (e) {
      setError(messageOf(e, 'terms', t('errorGeneric')));
    }
  }

  if (editing) {
    return (
      <form onSubmit={onSave} noValidate className="flex flex-col gap-3 rounded-8 border border-solid-gray-420 p-3">
        <TextField
          label={t('dictionary.editGroup', { first: group.terms[0] ?? '' })}
          name={`terms-${group.id}`}
          value={terms}
          onValueChange={setTerms}
          hint={t('dictionary.termsHint')}
          error={error}
        />
        <div className="flex flex-wrap gap-3">
          <Button type="submit" busy={save.isPending}>
            {t('dictionary.save')}
          </Button>
          <Button
            variant="secondary"
            onClick={() => {
              setEditing(false);
              setTerms(group.terms.join('、'));
              setError(undefined);
            }}
          >
            {t('dictionary.cancel')}
          </Button>
        </div>
      </form>
    );
  }
  return (
    <div className="flex flex-col gap-2 rounded-8 border border-solid-gray-420 p-3 desktop:flex-row desktop:items-center desktop:justify-between">
      <p className="break-words text-std-16N-170">
        <span className="text-std-16B-170">{group.terms[0]}</span>
        {group.terms.length > 1 && ` ← ${group.terms.slice(1).join('・')}`}
      </p>
      <div className="flex shrink-0 flex-wrap gap-3">
        <Button variant="secondary" onClick={() => setEditing(true)} aria-label={t('dictionary.editLabel', { first: group.terms[0] ?? '' })}>
          {t('dictionary.edit')}
        </Button>
        <Button variant="secondary" onClick={onDelete} aria-label={t('dictionary.deleteLabel', { first: group.terms[0] ?? '' })}>
          {t('dictionary.delete')}
        </Button>
      </div>
    </div>
  );
}

function Phrases({ onChanged }: { onChanged: () => void }) {
  const { t } = useChatTranslation();
  const headingId = useId();
  const articles = useChatFaqArticles();
  const [faqId, setFaqId] = useState<string | null>(null);
  const options = (articles.data?.items ?? []).map((a) => ({
    value: a.id,
    label: `${a.category}：${a.question}${a.published ? '' : t('dictionary.draft')}`,
  }));
  return (
    <section aria-labelledby={headingId} className="flex flex-col gap-4">
      <SectionHeading id={headingId}>{t('dictionary.phrasesTitle')}</SectionHeading>
      <p className="text-std-16N-170">{t('dictionary.phrasesLead')}</p>
      {articles.isError && (
        <Alert kind="error">
          <p>{articles.error.message}</p>
        </Alert>
      )}
      <SelectField label={t('dictionary.article')} name="faq" value={faqId ?? ''} options={options} onValueChange={(v) => setFaqId(v === '' ? null : v)} />
      {faqId !== null && <PhraseEditor key={faqId} faqId={faqId} onChanged={onChanged} />}
    </section>
  );
}

function PhraseEditor({ faqId, onChanged }: { faqId: string; onChanged: () => void }) {
  const { t } = useChatTranslation();
  const phrases = useChatFaqPhrases(faqId);
  const save = useSaveChatFaqPhrases(faqId);
  const [text, setText] = useState<string | null>(null);
  const [error, setError] = useState<string | undefined>(undefined);
  const [status, setStatus] = useState('');
  if (phrases.isPending) return <LoadingIndicator />;
  if (phrases.isError) {
    return (
      <Alert kind="error">
        <p>{phrases.error.message}</p>
      </Alert>
    );
  }
  const value = text ?? phrases.data.phrases.join('\n');

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setStatus('');
    try {
      const saved = await save.mutateAsync(value.split('\n').map((line) => line.trim()).filter((line) => line !== ''));
      setText(saved.phrases.join('\n'));
      setError(undefined);
      setStatus(t('dictionary.phrasesSaved', { count: saved.phrases.length }));
      onChanged();
    } catch (e) {
      setError(messageOf(e, 'phrases', t('errorGeneric')));
    }
  }

  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4 rounded-12 border border-solid-gray-420 p-4 desktop:p-6">
      <p className="break-words text-std-16B-170">{`${t('dictionary.question')}：${phrases.data.question}`}</p>
      <TextAreaField
        label={t('dictionary.phrases')}
        name="phrases"
        value={value}
        onValueChange={setText}
        hint={t('dictionary.phrasesHint')}
        error={error}
        rows={8}
      />
      <p role="status" className="text-std-16N-170">
        {status}
      </p>
      <div>
        <Button type="submit" busy={save.isPending}>
          {t('dictionary.savePhrases')}
        </Button>
      </div>
    </form>
  );
}
