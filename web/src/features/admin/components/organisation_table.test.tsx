import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { Organisation } from '../api/organisations_api';
import { answerReference, jsonResponse } from '../testing/reference_answers';
import { OrganisationTable } from './organisation_table';

const CREATED_AT = '2027-01-01T09:00:00+09:00';

function organisation(fields: Partial<Organisation> & Pick<Organisation, 'id' | 'name' | 'kind'>): Organisation {
  return { prefecture: '13', municipality: null, address: null, categories: [], areas: [], created_at: CREATED_AT, ...fields };
}

const ORGANISATIONS: Organisation[] = [
  organisation({ id: 'org_hospital', name: 'かけはし病院', kind: 'facility', municipality: '131016', address: '大手町1-2-3' }),
  organisation({ id: 'org_clinic', name: 'みなとクリニック', kind: 'facility' }),
  organisation({ id: 'org_nurse', name: '東京都ナースセンター', kind: 'coordinator_org', categories: ['nurse'] }),
  organisation({ id: 'org_coord', name: '東京都医療人材センター', kind: 'coordinator_org' }),
  organisation({ id: 'org_beds', name: '区中央部病床とりまとめ', kind: 'aggregator', areas: ['1301'] }),
  organisation({ id: 'org_pref', name: '東京都病床とりまとめ', kind: 'aggregator' }),
  organisation({ id: 'org_office', name: '事務局', kind: 'secretariat' }),
];

function renderTable() {
  let listed = ORGANISATIONS;
  const patched: { path: string; body: unknown }[] = [];
  let listRequests = 0;
  vi.spyOn(globalThis, 'fetch').mockImplementation(async (input, init) => {
    const path = String(input);
    if (path.startsWith('/api/v1/organisations?')) {
      listRequests += 1;
      return jsonResponse({ items: listed, total: listed.length });
    }
    if (path.startsWith('/api/v1/organisations/') && init?.method === 'PATCH') {
      const changes = JSON.parse(String(init.body)) as Partial<Organisation>;
      patched.push({ path, body: changes });
      const id = decodeURIComponent(path.slice('/api/v1/organisations/'.length));
      listed = listed.map((entry) => (entry.id === id ? { ...entry, ...changes } : entry));
      return jsonResponse(listed.find((entry) => entry.id === id));
    }
    return answerReference(path);
  });
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <QueryClientProvider client={queryClient}>
      <OrganisationTable />
    </QueryClientProvider>,
  );
  return { patched, listRequests: () => listRequests, user: userEvent.setup() };
}

/** The wide table; the phone card list holds the same rows. */
async function findTable() {
  return within(await screen.findByRole('table'));
}

function rowOf(table: ReturnType<typeof within>, name: string): HTMLElement {
  const row = table.getByText(name).closest('tr');
  if (row === null) throw new Error(`no row for ${name}`);
  return row;
}

describe('OrganisationTable', () => {
  it('shows each organisation’s place or scope in words', async () => {
    renderTable();
    const table = await findTable();
    expect(table.getByRole('columnheader', { name: '所在地・担当範囲' })).toBeInTheDocument();
    await waitFor(() => expect(rowOf(table, 'かけはし病院')).toHaveTextContent('千代田区大手町1-2-3'));
    expect(rowOf(table, 'みなとクリニック')).toHaveTextContent('未登録');
    await waitFor(() => expect(rowOf(table, '東京都ナースセンター')).toHaveTextContent('看護師'));
    expect(rowOf(table, '東京都医療人材センター')).toHaveTextContent('すべての職種');
    await waitFor(() => expect(rowOf(table, '区中央部病床とりまとめ')).toHaveTextContent('区中央部'));
    expect(rowOf(table, '東京都病床とりまとめ')).toHaveTextContent('都道府県全域');
  });

  it('opens the change form for the row, with focus on its heading, and sends the name and the kind’s scope', async () => {
    const { patched, listRequests, user } = renderTable();
    const table = await findTable();
    await user.click(table.getByRole('button', { name: '変更：東京都ナースセンター' }));

    const heading = screen.getByRole('heading', { name: '東京都ナースセンターの変更' });
    await waitFor(() => expect(heading).toHaveFocus());
    const changeForm = within(screen.getByRole('region', { name: '東京都ナースセンターの変更' }));
    expect(changeForm.getByText('種別（コーディネート団体）と都道府県（東京都）は変更できません。')).toBeInTheDocument();
    expect(changeForm.getByLabelText(/^名称/)).toHaveValue('東京都ナースセンター');
    expect(await changeForm.findByLabelText('看護師')).toBeChecked();
    expect(changeForm.queryByRole('group', { name: '担当する二次医療圏' })).not.toBeInTheDocument();

    await user.type(changeForm.getByLabelText(/^名称/), '（本部）');
    await user.click(changeForm.getByLabelText('助産師'));
    await user.click(changeForm.getByRole('button', { name: '変更を保存する' }));

    const status = await screen.findByRole('status');
    expect(status).toHaveTextContent('「東京都ナースセンター（本部）」を変更しました。');
    await waitFor(() => expect(status).toHaveFocus());
    expect(patched).toEqual([
      { path: '/api/v1/organisations/org_nurse', body: { name: '東京都ナースセンター（本部）', categories: ['nurse', 'midwife'] } },
    ]);
    expect(screen.queryByRole('region', { name: /の変更$/ })).not.toBeInTheDocument();
    // The list is read again and shows the change.
    await waitFor(() => expect(listRequests()).toBe(2));
    await waitFor(() => expect(rowOf(within(screen.getByRole('table')), '東京都ナースセンター（本部）')).toHaveTextContent('看護師、助産師'));
  });

  it('sends an emptied municipality and address of a facility, so they are removed', async () => {
    const { patched, user } = renderTable();
    const table = await findTable();
    await user.click(table.getByRole('button', { name: '変更：かけはし病院' }));
    const changeForm = within(screen.getByRole('region', { name: 'かけはし病院の変更' }));
    const municipality = changeForm.getByRole('combobox', { name: '市区町村' });
    await waitFor(() => expect(municipality).toHaveValue('千代田区（東京都）'));
    await user.clear(municipality);
    await user.clear(changeForm.getByLabelText('所在地（町名・番地）'));
    await user.click(changeForm.getByRole('button', { name: '変更を保存する' }));

    await screen.findByText('「かけはし病院」を変更しました。');
    expect(patched.map((entry) => entry.body)).toEqual([{ name: 'かけはし病院', municipality: '', address: '' }]);
  });

  it('closes the form on 「やめる」 and puts focus back on the button that opened it', async () => {
    const { patched, user } = renderTable();
    const table = await findTable();
    const button = table.getByRole('button', { name: '変更：東京都病床とりまとめ' });
    await user.click(button);
    await user.click(screen.getByRole('button', { name: 'やめる' }));

    expect(screen.queryByRole('heading', { name: '東京都病床とりまとめの変更' })).not.toBeInTheDocument();
    expect(button).toHaveFocus();
    expect(patched).toEqual([]);
  });
});
