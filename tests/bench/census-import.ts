/**
 * The census import: a carpet-survey sheet of 5,000 rows previewed against a register of 20,000 organisations, through
 * the one dispatch exactly as the import page calls it (base64 in, verdicts out). The sheet holds 2,000 rows the
 * register already has (half of them changed), 2,900 new ones and 100 refused (bad check character). Target from
 * issue 11: preview ≤ 3 s. Applying the same preview (one transaction) is timed too, for the note.
 */
import ExcelJS from 'exceljs';
import type { ImportPreview, ImportResult } from '@shared/orgs';
import { dispatch } from '../../cloudfunctions/api/src/app/dispatch';
import { ms, section, summarize, table, timed, type SummaryRow } from './stats';
import { engineLabel, givenStaff, onEachEngine, type BenchWorld } from './world';

const REGISTER = 20_000;
const ROWS = 5_000;
const KNOWN = 2_000;
const REFUSED = 100;
const RUNS = 3;

const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
function usccOf(n: number): string {
  const body = `91310117${String(n).padStart(9, '0')}`;
  const sum = WEIGHTS.reduce((acc, w, i) => acc + ALPHABET.indexOf(body[i]) * w, 0);
  return body + ALPHABET[(31 - (sum % 31)) % 31];
}

export async function runCensusImport(): Promise<SummaryRow[]> {
  section(`Census import — a ${ROWS.toLocaleString('en')}-row sheet against a register of ${REGISTER.toLocaleString('en')}`);
  console.log(`orgs.importPreview through dispatch as staff (base64 → exceljs → verdicts → preview kept), ${RUNS} runs; then one orgs.importApply.`);
  return onEachEngine(measureEngine);
}

async function measureEngine(world: BenchWorld): Promise<SummaryRow> {
  const label = await engineLabel(world);
  const staff = await givenStaff(world);
  await seedRegister(world);
  const base64 = await buildSheet();
  const call = async <T>(action: 'orgs.importPreview' | 'orgs.importApply', payload: unknown): Promise<T> => {
    const result = await dispatch(world.deps, { openid: staff }, action, payload);
    if (!result.ok) throw new Error(`${action} failed: ${result.error.code} ${result.error.message}`);
    return result.data as T;
  };
  const samples: number[] = [];
  let preview: ImportPreview | null = null;
  for (let i = 0; i < RUNS; i++) {
    const { ms: took, value } = await timed(() => call<ImportPreview>('orgs.importPreview', { base64 }));
    samples.push(took);
    preview = value;
  }
  const counts = (preview as ImportPreview).counts;
  if (counts.refused !== REFUSED || counts.new + counts.changed + counts.unchanged + counts.refused !== ROWS) {
    throw new Error(`unexpected verdicts ${JSON.stringify(counts)}`);
  }
  const apply = await timed(() => call<ImportResult>('orgs.importApply', { previewId: (preview as ImportPreview).previewId }));
  const s = summarize(samples);
  console.log(`\n${label} — sheet ${(Buffer.from(base64, 'base64').length / 1024).toFixed(0)} KB, verdicts ${JSON.stringify(counts)}`);
  console.log(
    table([
      ['step', 'min', 'p50', 'max'],
      ['orgs.importPreview', ms(s.min), ms(s.p50), ms(s.max)],
      ['orgs.importApply (one transaction)', ms(apply.ms), '', ''],
    ]),
  );
  return {
    section: 'census import',
    engine: label,
    figures: `preview of ${ROWS.toLocaleString('en')} rows p50 ${ms(s.p50)} (max ${ms(s.max)}); apply ${ms(apply.ms)}`,
  };
}

async function seedRegister(world: BenchWorld): Promise<void> {
  const codes = Array.from({ length: REGISTER }, (_, i) => usccOf(i + 1));
  await world.testDb.db.query(
    `INSERT INTO enterprises (id, name, uscc, org_kind, industry, address, grid_id, employees, party_members, created_at, updated_at)
     SELECT 'bench-org-' || i, '上海佘山基准' || i || '号有限公司', code, CASE WHEN i % 10 = 0 THEN 'social' ELSE 'economic' END,
            '制造业', '佘山镇勤工路 ' || i || ' 号', 'grid-town', 20, 2, now() - (i || ' minutes')::interval, now()
     FROM unnest($1::text[]) WITH ORDINALITY AS t(code, i)`,
    [codes],
  );
}

/** Rows 1–2,000 name registered organisations (every other one with a new employee count), then new ones, then bad codes. */
async function buildSheet(): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('摸排');
  sheet.addRow(['名称', '统一社会信用代码', '类型', '行业', '地址', '网格', '从业人数', '党员人数', '经营状态', '组织覆盖', '联合党组织/党组织名称', '指导员']);
  for (let i = 1; i <= ROWS; i++) {
    const n = i <= KNOWN ? i : REGISTER + i;
    const code = i > ROWS - REFUSED ? `${usccOf(n).slice(0, 17)}${usccOf(n)[17] === '0' ? '1' : '0'}` : usccOf(n);
    sheet.addRow([
      `上海佘山基准${n}号有限公司`, code, n % 10 === 0 ? '新社会组织' : '新经济组织', '制造业', `佘山镇勤工路 ${n} 号`, '佘山镇区网格',
      i <= KNOWN && i % 2 === 0 ? 25 : 20, 2, '在营', i % 3 === 0 ? '联合党组织' : '未覆盖', i % 3 === 0 ? '佘山镇“两新”组织联合党支部' : null, null,
    ]);
  }
  return Buffer.from(await workbook.xlsx.writeBuffer()).toString('base64');
}
