import { render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { changeLanguage } from '../i18n/i18n';
import { reasonKey } from './reasons';
import { MatchSummary } from './match_summary';

describe('MatchSummary', () => {
  afterEach(async () => {
    await changeLanguage('ja');
  });

  it('shows the score out of 100 and each reason as a tag in a named list, 緊急募集 in the app’s one word for urgency (急募)', () => {
    render(<MatchSummary score={55} reasons={['希望診療科が一致', '緊急募集', '勤務開始日が希望に近い']} />);
    expect(screen.getByText('55点（100点満点）')).toBeInTheDocument();
    const list = screen.getByRole('list', { name: '一致した理由' });
    expect(within(list).getAllByRole('listitem').map((item) => item.textContent)).toEqual(['希望診療科が一致', '急募', '勤務開始日が希望に近い']);
  });

  it('translates the known reasons for English and keeps one it does not know as the server wrote it', async () => {
    await changeLanguage('en');
    render(<MatchSummary score={20} reasons={['復職を支援（ブランク可）', '新着', '未知の理由']} />);
    const list = screen.getByRole('list', { name: 'Why it matches' });
    expect(within(list).getAllByRole('listitem').map((item) => item.textContent)).toEqual([
      'Support for returning to work (career breaks welcome)',
      'New',
      '未知の理由',
    ]);
    expect(screen.getByText('20 points (out of 100)')).toBeInTheDocument();
  });

  it('leaves out the list when there are no reasons', () => {
    render(<MatchSummary score={10} reasons={[]} />);
    expect(screen.queryByRole('list')).toBeNull();
  });

  it('marks each reason of a candidate with ＋ or － that is seen and spoken, not only coloured', () => {
    render(
      <MatchSummary
        score={77}
        reasons={['経験年数が条件を満たす（3年以上）', '希望地域から約40km（車で約50分）']}
        details={[
          { text: '経験年数が条件を満たす（3年以上）', effect: 'plus' },
          { text: '希望地域から約40km（車で約50分）', effect: 'minus' },
        ]}
      />,
    );
    expect(screen.getByText('77点（100点満点）')).toHaveAttribute('data-match-score');
    const list = screen.getByRole('list', { name: '一致度の主な理由' });
    expect(list).toHaveAccessibleDescription('＋は一致度を上げた点、－は下げた点です。');
    expect(within(list).getAllByRole('listitem').map((item) => item.textContent)).toEqual([
      '＋良い点：経験年数が条件を満たす（3年以上）',
      '－気になる点：希望地域から約40km（車で約50分）',
    ]);
    expect(screen.queryByRole('list', { name: '一致した理由' })).toBeNull();
  });

  it('falls back to the plain list when the server sent no details', () => {
    render(<MatchSummary score={40} reasons={['新着']} details={[]} />);
    expect(within(screen.getByRole('list', { name: '一致した理由' })).getByRole('listitem')).toHaveTextContent('新着');
  });

  it('knows every reason the server names (SPEC.md "Matching")', () => {
    for (const reason of ['希望診療科が一致', '診療科の領域が一致', '専門医取得の支援あり', '復職を支援（ブランク可）', '転科の支援あり', '緊急募集', '新着', '勤務開始日が希望に近い', '希望の二次医療圏', '勤務形態が希望どおり']) {
      expect(reasonKey(reason), reason).not.toBeNull();
    }
    expect(reasonKey('toString')).toBeNull();
  });
});
