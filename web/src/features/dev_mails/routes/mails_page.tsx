import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { messageForError } from '../../../shared/forms/form_errors';
import { useDocumentTitle } from '../../../shared/hooks/use_document_title';
import { useMessageText } from '../../../shared/i18n/message';
import { Alert } from '../../../shared/ui/alert';
import { Button } from '../../../shared/ui/button';
import { LoadingIndicator } from '../../../shared/ui/loading_indicator';
import { PageHeading } from '../../../shared/ui/page_heading';
import { SectionHeading } from '../../../shared/ui/section_heading';
import { useDevMails } from '../api/dev_mails_api';
import { MailDetail } from '../components/mail_detail';
import { MailList } from '../components/mail_list';

export function MailsPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('mails.title'));
  const text = useMessageText();
  const mails = useDevMails();
  const requestedId = useSearchParams()[0].get('id');
  const detailHeading = useRef<HTMLHeadingElement>(null);

  const items = mails.data ?? [];
  const selected = items.find((mail) => mail.id === requestedId) ?? items[0] ?? null;

  // After picking a mail, take keyboard and screen-reader users to it: on a
  // phone it sits below the list, out of sight.
  const previousId = useRef(requestedId);
  useEffect(() => {
    if (requestedId !== null && requestedId !== previousId.current) {
      detailHeading.current?.focus();
    }
    previousId.current = requestedId;
  }, [requestedId]);

  return (
    <div className="flex flex-col gap-8">
      <div className="flex flex-col gap-4">
        <PageHeading>{t('mails.title')}</PageHeading>
        {/* Explaining the demo box and offering a refresh only make sense where the box exists. */}
        {mails.data !== null && (
          <>
            <p className="text-std-16N-170 text-solid-gray-800">{t('mails.lead')}</p>
            <div>
              <Button variant="secondary" onClick={() => void mails.refetch()} busy={mails.isFetching}>
                {t('mails.refresh')}
              </Button>
            </div>
          </>
        )}
      </div>
      {mails.isPending && <LoadingIndicator />}
      {mails.isError && (
        <Alert kind="error">
          <p>{text(messageForError(mails.error))}</p>
        </Alert>
      )}
      {mails.data === null && (
        <Alert kind="info">
          <p>{t('mails.unavailable')}</p>
        </Alert>
      )}
      {mails.data && items.length === 0 && <p className="text-std-16N-170">{t('mails.empty')}</p>}
      {selected !== null && (
        <div className="grid grid-cols-1 gap-8 desktop-admin:grid-cols-[minmax(16rem,2fr)_3fr]">
          <section aria-labelledby="mail-list-heading" className="flex flex-col gap-4">
            <SectionHeading id="mail-list-heading">{t('mails.listHeading', { count: items.length })}</SectionHeading>
            <MailList mails={items} selectedId={selected.id} />
          </section>
          <div className="desktop-admin:sticky desktop-admin:top-4 desktop-admin:self-start">
            <MailDetail mail={selected} ref={detailHeading} />
          </div>
        </div>
      )}
    </div>
  );
}
