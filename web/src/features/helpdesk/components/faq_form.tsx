import { useId } from 'react';
import { useNavigate } from 'react-router';
import { z } from 'zod/mini';
import { useForm } from '../../../shared/forms/use_form';
import { requiredText } from '../../../shared/forms/schema_parts';
import { CheckboxField } from '../../../shared/ui/checkbox_field';
import { FormAlert } from '../../../shared/ui/form_alert';
import { SubmitButton } from '../../../shared/ui/submit_button';
import { TextAreaField } from '../../../shared/ui/text_area_field';
import { TextField } from '../../../shared/ui/text_field';
import { useSaveFaqArticle, type FaqArticle } from '../api/faq_api';
import { helpdeskKey, useHelpdeskTranslation } from '../i18n/helpdesk_i18n';

const faqSchema = z.object({
  category: requiredText(helpdeskKey('faqForm.categoryRequired')),
  question: requiredText(helpdeskKey('faqForm.questionRequired')),
  answer: requiredText(helpdeskKey('faqForm.answerRequired')),
  published: z.boolean(),
});

interface FaqFormProps {
  /** null: a new article. */
  article: FaqArticle | null;
  /** The categories in use, offered as suggestions (a new one can be typed). */
  categories: readonly string[];
}

/** The secretariat's article form: create or update, published or kept as a draft. */
export function FaqForm({ article, categories }: FaqFormProps) {
  const { t } = useHelpdeskTranslation();
  const navigate = useNavigate();
  const save = useSaveFaqArticle(article?.id ?? null);
  const listId = useId();
  const form = useForm({
    schema: faqSchema,
    initialValues: {
      category: article?.category ?? '',
      question: article?.question ?? '',
      answer: article?.answer ?? '',
      published: article?.published ?? true,
    },
    onValid: async (values) => {
      const saved = await save.mutateAsync(values);
      void navigate(`/faq/${encodeURIComponent(saved.id)}`, { state: { saved: true } });
    },
  });

  return (
    <form ref={form.formRef} noValidate onSubmit={(event) => void form.handleSubmit(event)} className="flex flex-col gap-6">
      <FormAlert messages={form.errors.summary} alertRef={form.alertRef} />
      <TextField
        label={t('faqForm.categoryLabel')}
        name="category"
        required
        list={listId}
        maxLength={100}
        hint={t('faqForm.categoryHint')}
        value={form.values.category}
        onValueChange={(value) => form.setValue('category', value)}
        error={form.fieldError('category')}
      />
      <datalist id={listId}>
        {categories.map((category) => (
          <option key={category} value={category} />
        ))}
      </datalist>
      <TextField
        label={t('faqForm.questionLabel')}
        name="question"
        required
        maxLength={500}
        value={form.values.question}
        onValueChange={(value) => form.setValue('question', value)}
        error={form.fieldError('question')}
      />
      <TextAreaField
        label={t('faqForm.answerLabel')}
        name="answer"
        required
        rows={10}
        maxLength={8000}
        hint={t('faqForm.answerHint')}
        value={form.values.answer}
        onValueChange={(value) => form.setValue('answer', value)}
        error={form.fieldError('answer')}
      />
      <CheckboxField
        label={t('faqForm.publishedLabel')}
        name="published"
        hint={t('faqForm.publishedHint')}
        checked={form.values.published}
        onCheckedChange={(checked) => form.setValue('published', checked)}
        error={form.fieldError('published')}
      />
      <SubmitButton busy={form.isSubmitting} label={t('faqForm.submit')} busyLabel={t('faqForm.submitting')} />
    </form>
  );
}
