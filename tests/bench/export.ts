/**
 * Export of one event's sign-ups: 5,000 registrations each answering 5 questions, through the one dispatch as staff
 * (read the list, build the .xlsx, store it, audit), then the file read back by the same library (exceljs). Target
 * from issue 10: ≤ 2 s on PGlite for building the file and reading it back.
 */
import ExcelJS from 'exceljs';
import type { ExportFile } from '@shared/exports';
import type { Question } from '@shared/questions';
import { dispatch } from '../../cloudfunctions/api/src/app/dispatch';
import { memoryFileStore } from '../../cloudfunctions/api/src/http/files';
import { ms, section, summarize, table, timed, type SummaryRow } from './stats';
import { engineLabel, givenStaff, onEachEngine, type BenchWorld } from './world';

const REGISTRATIONS = 5_000;
const RUNS = 5;
const EVENT_ID = 'bench-export-event';
const QUESTIONS: Question[] = [
  { id: 'platform', kind: 'single', label: '所在平台', required: true, options: ['美团', '饿了么', '顺丰', '京东', '其他'] },
  { id: 'member', kind: 'single', label: '是否党员', required: true, options: ['是', '否'] },
  { id: 'needs', kind: 'multi', label: '需要的服务', required: false, options: ['技能等级认定', '劳动权益咨询', '电动车检修', '免费体检'] },
  { id: 'years', kind: 'number', label: '从业年限（年）', required: false },
  { id: 'note', kind: 'text', label: '想了解的内容', required: false },
];

export async function runExport(): Promise<SummaryRow[]> {
  section(`Export — ${REGISTRATIONS.toLocaleString('en')} registrations with ${QUESTIONS.length} questions to .xlsx`);
  console.log(`Each figure: ${RUNS} exports through dispatch as staff (after one warm-up), and the file read back with exceljs.`);
  return onEachEngine(measureEngine);
}

async function measureEngine(world: BenchWorld): Promise<SummaryRow> {
  const label = await engineLabel(world);
  const staff = await givenStaff(world);
  const files = memoryFileStore();
  const deps = { ...world.deps, files };
  await seed(world);
  const exportOnce = async (): Promise<ExportFile> => {
    const result = await dispatch(deps, { openid: staff }, 'exports.registrations', { eventId: EVENT_ID });
    if (!result.ok) throw new Error(`exports.registrations failed: ${result.error.code} ${result.error.message}`);
    return result.data as ExportFile;
  };
  const readBack = async (file: ExportFile): Promise<number> => {
    const opened = files.open(file.url.replace('/files/', ''), staff);
    if (opened.kind !== 'file') throw new Error('export not downloadable');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(opened.file.bytes) as unknown as ArrayBuffer);
    const sheet = book.worksheets[0];
    if (sheet.getCell('C2').type !== ExcelJS.ValueType.String) throw new Error('phone is not a text cell');
    return sheet.rowCount - 1;
  };

  await readBack(await exportOnce());
  const build: number[] = [];
  const read: number[] = [];
  const both: number[] = [];
  let size = 0;
  for (let i = 0; i < RUNS; i++) {
    const built = await timed(exportOnce);
    const back = await timed(() => readBack(built.value));
    if (back.value !== REGISTRATIONS) throw new Error(`read back ${back.value} rows, expected ${REGISTRATIONS}`);
    size = (files.open(built.value.url.replace('/files/', ''), staff) as { kind: 'file'; file: { bytes: Uint8Array } }).file.bytes.length;
    build.push(built.ms);
    read.push(back.ms);
    both.push(built.ms + back.ms);
  }
  const [b, r, t] = [summarize(build), summarize(read), summarize(both)];
  console.log(`\n${label} — file ${(size / 1024).toFixed(0)} KB`);
  console.log(
    table([
      ['step', 'p50', 'max'],
      ['exports.registrations (read, build, store, audit)', ms(b.p50), ms(b.max)],
      ['read back with exceljs', ms(r.p50), ms(r.max)],
      ['both', ms(t.p50), ms(t.max)],
    ]),
  );
  return {
    section: 'export',
    engine: label,
    figures: `build ${ms(b.p50)} + read back ${ms(r.p50)} = ${ms(t.p50)} (max ${ms(t.max)}) for ${REGISTRATIONS.toLocaleString('en')} rows × ${QUESTIONS.length} questions`,
  };
}

/** The event and its people put in with set-based INSERTs; answers vary with the row number. */
async function seed(world: BenchWorld): Promise<void> {
  const db = world.testDb.db;
  const nowIso = new Date().toISOString();
  await db.query(
    `INSERT INTO events (id, type, title, description, start_at, end_at, location, capacity, signup_deadline, waitlist,
                         audience, status, cancel_reason, published_at, created_by, created_at, updated_at, confirmed_count, questions)
     VALUES ($1, 'training', '骑手职业技能培训', '', $2::timestamptz + interval '7 days', $2::timestamptz + interval '7 days 2 hours',
             '佘山镇党群服务中心', $3, NULL, true, 'all', 'published', NULL, $2, 'bench-staff', $2, $2, $3, $4::jsonb)`,
    [EVENT_ID, nowIso, REGISTRATIONS, JSON.stringify(QUESTIONS)],
  );
  await db.query(
    `INSERT INTO users (openid, roles, name, phone, created_at, updated_at)
     SELECT 'bench-user-' || g, ARRAY['worker'], '骑手' || g, '138' || lpad(g::text, 8, '0'), $1, $1
     FROM generate_series(1, $2) g`,
    [nowIso, REGISTRATIONS],
  );
  await db.query(
    `INSERT INTO registrations (id, event_id, openid, status, name, phone, answers, created_at, updated_at)
     SELECT 'bench-reg-' || g, $1, 'bench-user-' || g, 'confirmed', '骑手' || g, '138' || lpad(g::text, 8, '0'),
            jsonb_build_object(
              'platform', (ARRAY['美团', '饿了么', '顺丰', '京东', '其他'])[1 + g % 5],
              'member', CASE WHEN g % 7 = 0 THEN '是' ELSE '否' END,
              'needs', CASE WHEN g % 2 = 0 THEN '["技能等级认定", "免费体检"]'::jsonb ELSE '["电动车检修"]'::jsonb END,
              'years', g % 12,
              'note', '想了解电动车保险和社保缴纳（第 ' || g || ' 位）'),
            $2::timestamptz + (g || ' seconds')::interval, $2::timestamptz + (g || ' seconds')::interval
     FROM generate_series(1, $3) g`,
    [EVENT_ID, nowIso, REGISTRATIONS],
  );
}
