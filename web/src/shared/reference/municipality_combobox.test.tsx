import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { MunicipalityCombobox } from './municipality_combobox';
import type { Municipality } from './reference_api';

const CHIYODA = { code: '131016', prefecture: '13', name: '千代田区', kana: 'チヨダク', area: '1301' };
const CHIYODA_GUNMA = { code: '105236', prefecture: '10', name: '千代田町', kana: 'チヨダマチ', area: '1003' };

function answer(body: unknown): Response {
  return new Response(JSON.stringify(body), { status: 200, headers: { 'Content-Type': 'application/json' } });
}

/** The server's answers: 「ちよだ」 and 「千代田」 find both 千代田; 「なし」 finds nothing. */
function renderCombobox() {
  const asked: string[] = [];
  vi.spyOn(globalThis, 'fetch').mockImplementation(async (input) => {
    const path = String(input);
    asked.push(path);
    const q = new URL(path, 'http://localhost').searchParams.get('q') ?? '';
    if (path.startsWith('/api/v1/reference/municipalities?q=')) {
      const items = q === 'ちよだ' || q === '千代田' ? [CHIYODA_GUNMA, CHIYODA] : [];
      return answer({ items, total: items.length });
    }
    if (path === '/api/v1/reference/municipalities?prefecture=13') {
      return answer({ items: [CHIYODA], total: 1 });
    }
    return answer({ items: [], total: 0 });
  });
  const chosen: (Municipality | null)[] = [];
  function Harness() {
    const [value, setValue] = useState({ code: '', prefecture: '' });
    return (
      <form onSubmit={() => chosen.push(null)}>
        <MunicipalityCombobox
          label="市区町村"
          name="municipality"
          value={value.code}
          prefecture={value.prefecture}
          onChoose={(municipality) => {
            chosen.push(municipality);
            setValue({ code: municipality?.code ?? '', prefecture: municipality?.prefecture ?? '' });
          }}
        />
      </form>
    );
  }
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <QueryClientProvider client={queryClient}>
      <Harness />
    </QueryClientProvider>,
  );
  return { asked, chosen, user: userEvent.setup() };
}

describe('MunicipalityCombobox', () => {
  it('offers 千代田区（東京都） for kana, says how many there are, and takes it with the arrow keys and Enter', async () => {
    const { chosen, user } = renderCombobox();
    const input = screen.getByRole('combobox', { name: '市区町村' });
    expect(input).toHaveAttribute('aria-expanded', 'false');
    await user.type(input, 'ちよだ');
    await screen.findByRole('option', { name: '千代田区（東京都）' });
    expect(screen.getByRole('option', { name: '千代田町（群馬県）' })).toBeInTheDocument();
    expect(input).toHaveAttribute('aria-expanded', 'true');
    expect(screen.getByRole('status')).toHaveTextContent('候補が2件あります。');
    expect(input).toHaveAccessibleDescription(expect.stringContaining('候補が2件あります。'));

    await user.keyboard('{ArrowDown}{ArrowDown}');
    const second = screen.getByRole('option', { name: '千代田区（東京都）' });
    expect(input).toHaveAttribute('aria-activedescendant', second.id);
    expect(second).toHaveAttribute('aria-selected', 'true');
    await user.keyboard('{Enter}');

    expect(chosen).toEqual([CHIYODA]);
    expect(input).toHaveValue('千代田区（東京都）');
    expect(input).toHaveAttribute('aria-expanded', 'false');
    expect(input).toHaveAttribute('data-code', '131016');
  });

  it('finds by kanji, closes on Escape and puts the chosen name back on a second Escape', async () => {
    const { chosen, user } = renderCombobox();
    const input = screen.getByRole('combobox', { name: '市区町村' });
    await user.type(input, '千代田');
    await user.click(await screen.findByRole('option', { name: '千代田区（東京都）' }));
    expect(chosen).toEqual([CHIYODA]);

    await user.clear(input);
    await user.type(input, 'ちよだ');
    await screen.findByRole('option', { name: '千代田町（群馬県）' });
    await user.keyboard('{Escape}');
    expect(input).toHaveAttribute('aria-expanded', 'false');
    expect(screen.queryByRole('option')).not.toBeInTheDocument();
    await user.keyboard('{Escape}');
    expect(input).toHaveValue('千代田区（東京都）');
    expect(chosen).toEqual([CHIYODA]);
  });

  it('says when nothing matches, and an emptied field chooses nothing', async () => {
    const { chosen, user } = renderCombobox();
    const input = screen.getByRole('combobox', { name: '市区町村' });
    await user.type(input, 'なし');
    await screen.findByText('「なし」に当てはまる市区町村はありません。ひらがなや漢字の一部でも探せます。');
    expect(input).toHaveAttribute('aria-expanded', 'false');

    await user.clear(input);
    await user.type(input, '千代田');
    await user.click(await screen.findByRole('option', { name: '千代田区（東京都）' }));
    await user.clear(input);
    await user.tab();
    expect(chosen).toEqual([CHIYODA, null]);
    expect(input).toHaveValue('');
  });
});
