import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { OrganisationForm } from './organisation_form';
import { answerReference, describedText, jsonResponse } from '../testing/reference_answers';

function renderForm(answerPost: (body: Record<string, unknown>) => Response) {
  const posted: unknown[] = [];
  vi.spyOn(globalThis, 'fetch').mockImplementation(async (input, init) => {
    const path = String(input);
    if (path === '/api/v1/organisations' && init?.method === 'POST') {
      const body = JSON.parse(String(init.body)) as Record<string, unknown>;
      posted.push(body);
      return answerPost(body);
    }
    return answerReference(path);
  });
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <QueryClientProvider client={queryClient}>
      <OrganisationForm />
    </QueryClientProvider>,
  );
  return { posted, user: userEvent.setup() };
}

function created(body: Record<string, unknown>): Response {
  return jsonResponse(
    { id: 'org_new', municipality: null, address: null, categories: [], areas: [], created_at: '2027-01-01T09:00:00+09:00', ...body },
    201,
  );
}

async function fillBasics(user: ReturnType<typeof userEvent.setup>, name: string, kind: string) {
  await user.type(screen.getByLabelText(/^名称/), name);
  await user.selectOptions(screen.getByLabelText(/^種別/), kind);
  await user.selectOptions(screen.getByLabelText(/^都道府県/), '13');
}

describe('OrganisationForm', () => {
  it('shows no scope fields until a kind with a scope is chosen', async () => {
    const { user } = renderForm(created);
    expect(screen.queryByRole('group', { name: '担当する職種' })).not.toBeInTheDocument();
    expect(screen.queryByRole('group', { name: '担当する二次医療圏' })).not.toBeInTheDocument();
    expect(screen.queryByLabelText('市区町村')).not.toBeInTheDocument();

    await user.selectOptions(screen.getByLabelText(/^種別/), 'secretariat');
    expect(screen.queryByRole('group', { name: '担当する職種' })).not.toBeInTheDocument();
    expect(screen.queryByRole('group', { name: '担当する二次医療圏' })).not.toBeInTheDocument();
    expect(screen.queryByLabelText('市区町村')).not.toBeInTheDocument();
  });

  it('offers the prefecture’s areas for an aggregator, and not the job categories', async () => {
    const { user } = renderForm(created);
    await fillBasics(user, '東京都病床とりまとめ', 'aggregator');

    const areas = screen.getByRole('group', { name: '担当する二次医療圏' });
    expect(await within(areas).findByLabelText('区中央部')).toBeInTheDocument();
    expect(within(areas).getByLabelText('区南部')).toBeInTheDocument();
    expect(areas).toHaveAccessibleDescription('選択しない場合は都道府県全域を担当します。');
    expect(screen.queryByRole('group', { name: '担当する職種' })).not.toBeInTheDocument();
    expect(screen.queryByLabelText('市区町村')).not.toBeInTheDocument();
  });

  it('offers the job categories for a coordinating organisation', async () => {
    const { user } = renderForm(created);
    await fillBasics(user, '東京都ナースセンター', 'coordinator_org');

    const categories = screen.getByRole('group', { name: '担当する職種' });
    expect(await within(categories).findByLabelText('看護師')).toBeInTheDocument();
    expect(categories).toHaveAccessibleDescription('選択しない場合はすべての職種を担当します。');
    expect(screen.queryByRole('group', { name: '担当する二次医療圏' })).not.toBeInTheDocument();
  });

  it('sends only the aggregator’s areas, and says the organisation was registered', async () => {
    const { posted, user } = renderForm(created);
    // Fields of another kind, filled first, must not be sent.
    await user.selectOptions(screen.getByLabelText(/^種別/), 'coordinator_org');
    await user.click(await screen.findByLabelText('看護師'));
    await fillBasics(user, '東京都病床とりまとめ', 'aggregator');
    await user.click(await screen.findByLabelText('区南部'));
    await user.click(screen.getByRole('button', { name: '登録する' }));

    expect(await screen.findByText('「東京都病床とりまとめ」を登録しました。')).toBeInTheDocument();
    expect(posted).toEqual([{ name: '東京都病床とりまとめ', kind: 'aggregator', prefecture: '13', areas: ['1302'] }]);
  });

  it('sends a facility’s municipality and address', { timeout: 20_000 }, async () => {
    const { posted, user } = renderForm(created);
    await fillBasics(user, 'かけはし病院', 'facility');
    await user.type(screen.getByRole('combobox', { name: '市区町村' }), 'ちよだ');
    await user.click(await screen.findByRole('option', { name: '千代田区（東京都）' }, { timeout: 5000 }));
    expect(screen.getByRole('combobox', { name: '市区町村' })).toHaveValue('千代田区（東京都）');
    await user.type(screen.getByLabelText('所在地（町名・番地）'), ' 大手町1-2-3 ');
    await user.click(screen.getByRole('button', { name: '登録する' }));

    await screen.findByText('「かけはし病院」を登録しました。');
    expect(posted).toEqual([{ name: 'かけはし病院', kind: 'facility', prefecture: '13', municipality: '131016', address: '大手町1-2-3' }]);
  });

  it('finds a facility’s municipality in another prefecture by kana, and takes its prefecture', { timeout: 20_000 }, async () => {
    const { posted, user } = renderForm(created);
    await fillBasics(user, 'なにわ病院', 'facility');
    const municipality = screen.getByRole('combobox', { name: '市区町村' });
    await user.type(municipality, 'おおさかしちゅう');
    await screen.findByRole('option', { name: '大阪市中央区（大阪府）' }, { timeout: 5000 });
    expect(municipality).toHaveAccessibleDescription(expect.stringContaining('候補が1件あります。'));
    await user.keyboard('{ArrowDown}{Enter}');
    expect(municipality).toHaveValue('大阪市中央区（大阪府）');
    expect(screen.getByLabelText(/^都道府県/)).toHaveValue('27');
    await user.type(screen.getByLabelText('所在地（町名・番地）'), '本町1-1');
    await user.click(screen.getByRole('button', { name: '登録する' }));

    await screen.findByText('「なにわ病院」を登録しました。');
    expect(posted).toEqual([{ name: 'なにわ病院', kind: 'facility', prefecture: '27', municipality: '271284', address: '本町1-1' }]);
  });

  it('sends a coordinating organisation with no category chosen as covering all (an empty list)', async () => {
    const { posted, user } = renderForm(created);
    await fillBasics(user, '東京都ナースセンター', 'coordinator_org');
    await user.click(screen.getByRole('button', { name: '登録する' }));

    await screen.findByText('「東京都ナースセンター」を登録しました。');
    expect(posted).toEqual([{ name: '東京都ナースセンター', kind: 'coordinator_org', prefecture: '13', categories: [] }]);
  });

  it('puts the server’s message about the areas at the area checkboxes', async () => {
    const { user } = renderForm(() =>
      jsonResponse(
        {
          error: {
            code: 'validation_failed',
            message: '入力内容に誤りがあります。各項目のメッセージを確認してください。',
            fields: { areas: '「担当する二次医療圏」はこの組織の都道府県の二次医療圏から選んでください（2701）。' },
          },
        },
        400,
      ),
    );
    await fillBasics(user, '東京都病床とりまとめ', 'aggregator');
    const centre = await screen.findByLabelText('区中央部');
    await user.click(centre);
    await user.click(screen.getByRole('button', { name: '登録する' }));

    await waitFor(() => expect(centre).toHaveAttribute('aria-invalid', 'true'));
    const areas = screen.getByRole('group', { name: '担当する二次医療圏' });
    expect(describedText(areas)).toContain('「担当する二次医療圏」はこの組織の都道府県の二次医療圏から選んでください（2701）。');
    await waitFor(() => expect(centre).toHaveFocus());
    // What was chosen stays.
    expect(centre).toBeChecked();
  });

  it('forgets the chosen areas when the prefecture changes', async () => {
    const { user } = renderForm(created);
    await fillBasics(user, '大阪府病床とりまとめ', 'aggregator');
    await user.click(await screen.findByLabelText('区中央部'));
    await user.selectOptions(screen.getByLabelText(/^都道府県/), '27');
    await user.selectOptions(screen.getByLabelText(/^都道府県/), '13');
    expect(await screen.findByLabelText('区中央部')).not.toBeChecked();
  });
});
