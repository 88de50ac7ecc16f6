/**
 * The national reference data shipped in server/data/national/ and the credit
 * each source's licence asks for (server/data/national/README.md, the README's
 * 「Reference data and licences」). The credit lines are kept in Japanese, word
 * for word, whatever the UI language: they are what the licences require.
 */
export interface DataSource {
  /** Key under sources.<id> in the about page's translations: what the data is and what it is used for. */
  id: string;
  credit: string;
  licence: string;
}

export const DATA_SOURCES: readonly DataSource[] = [
  {
    id: 'areas',
    credit: '「国土数値情報（医療圏データ）」（国土交通省）を加工して作成',
    licence: 'CC BY 4.0',
  },
  {
    id: 'shortage',
    credit: '出典：厚生労働省「医師偏在指標関連データ」（令和6年1月公表版）を加工して作成',
    licence: '政府標準利用規約 2.0',
  },
  {
    id: 'postal',
    credit: '郵便番号データ：日本郵便株式会社（「郵便番号データに限っては日本郵便株式会社は著作権を主張しません」）',
    licence: '著作権の主張なし（日本郵便株式会社）',
  },
  {
    id: 'municipalities',
    credit: '市区町村コード・名称・位置：code4fukui/localgovjp（J-LIS 全国市区町村マップ検索、国土地理院）',
    licence: 'CC0',
  },
  {
    id: 'population',
    credit: '出典：総務省「住民基本台帳に基づく人口、人口動態及び世帯数」を加工して作成',
    licence: '政府標準利用規約 2.0',
  },
];
