import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { UserKnowledgeSchema } from '../src/domain/knowledge.js';
import { existsOn, knowledgeBaseOf, citationIndex, citationSpans } from '../src/domain/knowledge-base.js';
import { builtinData, createDataStore } from '../src/data/store.js';
import { ConfigSchema } from '../src/config/schema.js';
import { planFromText } from '../src/examples/run.js';
import { run as lint } from '../src/cli/commands/lint.js';

const k = builtinData.knowledge;
const kb = knowledgeBaseOf(builtinData);

describe('registries', () => {
  it('every entry has a source and a confidence mark', () => {
    const all = [...k.agencies, ...k.adminUnits.provinces, ...k.adminUnits.districts, ...k.legalDocuments];
    for (const entry of all) {
      expect(entry.source.length).toBeGreaterThan(0);
      expect(['V', 'S', 'M']).toContain(entry.confidence);
    }
  });

  it('provinces: 63 before the 2025 changes, 34 from 01/7/2025', () => {
    const p = k.adminUnits.provinces;
    expect(p.filter((x) => existsOn(x, '2024-12-31')).filter((x) => x.key !== 'hue').length).toBe(63);
    expect(p.filter((x) => existsOn(x, '2025-07-01')).length).toBe(34);
    expect(p.filter((x) => existsOn(x, '2025-01-01')).some((x) => x.key === 'thua-thien-hue')).toBe(false);
    expect(kb.currentProvinceSuccessors('binh-phuoc', '2026-01-01').map((x) => x.name)).toEqual(['Đồng Nai']);
    expect(kb.currentProvinceSuccessors('kon-tum', '2026-01-01').map((x) => x.name)).toEqual(['Quảng Ngãi']);
  });

  it('every successor key exists, and keys are unique', () => {
    const agencyKeys = new Set(k.agencies.map((a) => a.key));
    expect(agencyKeys.size).toBe(k.agencies.length);
    for (const a of k.agencies)
      for (const s of a.successors) expect(agencyKeys.has(s.key), `${a.key} → ${s.key}`).toBe(true);
    const provinceKeys = new Set(k.adminUnits.provinces.map((p) => p.key));
    for (const p of k.adminUnits.provinces)
      for (const s of p.successors) expect(provinceKeys.has(s)).toBe(true);
    const docKeys = new Set(k.legalDocuments.map((d) => d.key));
    for (const d of k.legalDocuments)
      if (d.status.replacedBy) expect(docKeys.has(d.status.replacedBy)).toBe(true);
  });

  it('a defunct agency has an end date, a legal basis and successors', () => {
    for (const a of k.agencies.filter((x) => x.until)) {
      expect(a.basis, a.key).toBeTruthy();
      expect(a.successors.length, a.key).toBeGreaterThan(0);
    }
  });
});

describe('agency matching', () => {
  it.each([
    ['Sở LĐTBXH', 'so-ldtbxh'],
    ['Sở Lao động - Thương binh Xã hội', 'so-ldtbxh'],
    ['Sở Lao động – Thương binh và Xã hội tỉnh Bình Phước', 'so-ldtbxh'],
    ['Phòng Lao động - Thương binh và Xã hội', 'phong-ldtbxh'],
    ['Ban Dân tộc tỉnh', 'ban-dan-toc'],
    ['Cục Thống kê tỉnh', 'cuc-thong-ke-tinh'],
    ['Bộ Lao động-TB và XH', 'bo-ldtbxh'],
    ['Sở KH&ĐT', 'so-khdt'],
    ['Sở TT&TT', 'so-tttt'],
    ['Sở GD&ĐT', 'so-gddt'],
  ])('%s → %s', (name, key) => {
    expect(kb.resolveAgency(name)?.key).toBe(key);
  });

  it('unknown names resolve to nothing', () => {
    expect(kb.resolveAgency('Hội Liên hiệp Phụ nữ tỉnh')).toBeNull();
  });

  it('resolveAgency(name) and successorsOf(key) (the API kh diff uses)', () => {
    const agency = kb.resolveAgency('Sở LĐTBXH')!;
    expect(agency.key).toBe('so-ldtbxh');
    expect(existsOn(agency, '2025-02-28')).toBe(true);
    expect(existsOn(agency, '2025-03-01')).toBe(false);
    expect(kb.successorsOf('so-ldtbxh').map((s) => [s.agency.name, s.functions?.en])).toEqual([
      ['Sở Nội vụ', 'labour, employment, people with meritorious services, gender equality'],
      ['Sở Y tế', 'social protection, children, prevention of social evils'],
      ['Sở Giáo dục và Đào tạo', 'vocational education'],
      // Audit 2026-12: poverty reduction went to the Sở Nông nghiệp và Môi trường (TT 13/2025/TT-BNNMT).
      ['Sở Nông nghiệp và Môi trường', 'poverty reduction'],
    ]);
  });

  it('finds names in running text, with their place', () => {
    const text =
      'Giao Sở LĐTBXH phối hợp với Sở Tài chính và UBND các huyện, thị xã; báo cáo Bộ Lao động - Thương binh và Xã hội.';
    expect(kb.findAgencies(text).map((m) => [m.text, m.entry.key, text.slice(m.start, m.end)])).toEqual([
      ['Sở LĐTBXH', 'so-ldtbxh', 'Sở LĐTBXH'],
      ['Sở Tài chính', 'so-tai-chinh', 'Sở Tài chính'],
      ['Bộ Lao động - Thương binh và Xã hội', 'bo-ldtbxh', 'Bộ Lao động - Thương binh và Xã hội'],
    ]);
    expect(kb.findDistricts(text).map((m) => m.text)).toEqual(['UBND các huyện, thị xã']);
  });

  it('a council committee is not the dissolved agency: "Ban Dân tộc HĐND tỉnh"', () => {
    expect(
      kb.findAgencies('Ban Dân tộc HĐND tỉnh giám sát; Ban Dân tộc tỉnh thực hiện.').map((m) => m.text),
    ).toEqual(['Ban Dân tộc tỉnh']);
  });

  it('province names need their unit word and their capitals ("hòa bình" is peace)', () => {
    expect(kb.findProvinces('vì hòa bình và phát triển; tỉnh Hòa Bình').map((m) => m.text)).toEqual([
      'tỉnh Hòa Bình',
    ]);
  });
});

describe('citations', () => {
  it('resolves by number and symbol, and laws by name and year', async () => {
    const plan = await planFromText(
      'Căn cứ Nghị định số 125/2021/NĐ-CP ngày 28/12/2021 của Chính phủ; Luật Ngân sách nhà nước năm 2024; Bộ luật Lao động (sửa đổi) năm 2019.\n',
    );
    const results = plan.citations.map((c) => {
      const r = kb.resolveCitation(c);
      return r.kind === 'found' ? r.match.document.key : r.kind;
    });
    expect(results).toEqual(['nd-125-2021', 'not-as-written', 'bo-luat-lao-dong-2019']);
  });

  it('citation spans cover the issuer and subject (history)', async () => {
    const text =
      'Thực hiện Kế hoạch số 122/KH-UBND ngày 13/4/2021 của UBND tỉnh Bình Phước về bình đẳng giới; giao Sở Nội vụ.';
    const plan = await planFromText(`${text}\n`);
    const spans = citationSpans(citationIndex(plan), text);
    expect(spans.length).toBe(1);
    expect(text.slice(spans[0]![0], spans[0]![1])).toContain('tỉnh Bình Phước');
    expect(text.slice(spans[0]![1])).toContain('Sở Nội vụ');
  });
});

describe('user entries (kh.config.json "knowledge")', () => {
  it('add and override entries by key', () => {
    const merged = createDataStore({
      knowledge: {
        agencies: [
          {
            key: 'so-ngoai-vu-local',
            name: 'Sở Ngoại vụ',
            scope: 'province',
            variants: [],
            from: null,
            until: '2025-03-01',
            successors: [{ key: 'so-noi-vu' }],
            basis: 'Quyết định của UBND tỉnh',
            source: 'local',
            confidence: 'V',
          },
        ],
        legalDocuments: [{ ...k.legalDocuments.find((d) => d.key === 'luat-nsnn-2015')!, confidence: 'V' }],
      },
    });
    expect(merged.knowledge.agencies.length).toBe(k.agencies.length + 1);
    expect(merged.knowledge.legalDocuments.find((d) => d.key === 'luat-nsnn-2015')!.confidence).toBe('V');
    // The user's entry wins by name over the shipped Sở Ngoại vụ (still existing in other provinces).
    expect(knowledgeBaseOf(merged).resolveAgency('Sở Ngoại vụ')?.key).toBe('so-ngoai-vu-local');
  });

  it('the config schema takes "knowledge" and rejects a malformed entry', () => {
    expect(ConfigSchema.safeParse({ knowledge: { agencies: [] } }).success).toBe(true);
    expect(ConfigSchema.safeParse({ knowledge: { agencies: [{ key: 'x' }] } }).success).toBe(false);
    expect(UserKnowledgeSchema.safeParse({ other: [] }).success).toBe(false);
  });

  const tmp = mkdtempSync(join(tmpdir(), 'kh-knowledge-'));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  async function runLint(options: Record<string, unknown> = {}) {
    let out = '';
    let err = '';
    const ctx = {
      lang: 'vi' as const,
      debug: false,
      color: false,
      out: (t: string) => void (out += t),
      err: (t: string) => void (err += t),
    };
    const code = await lint(ctx, ['plan.txt'], { format: 'json', cwd: tmp, ...options });
    return {
      code,
      messages:
        code === 2
          ? []
          : (JSON.parse(out)[0].messages as {
              ruleId: string;
              messageId: string;
              severity: string;
              message: string;
            }[]),
      err,
    };
  }

  it('kh lint: a user agency from kh.config.json is checked; --strict-citations lists unknown documents', async () => {
    writeFileSync(
      join(tmp, 'plan.txt'),
      'ỦY BAN NHÂN DÂN\nTỈNH LAI CHÂU\n\nSố: 12/KH-UBND\n\nLai Châu, ngày 15 tháng 01 năm 2026\n\nKẾ HOẠCH\n\nCông tác đối ngoại năm 2026\n\n' +
        'Thực hiện Kế hoạch số 49/KH-UBND ngày 19/02/2021 của Ủy ban nhân dân tỉnh. Giao Sở Ngoại vụ chủ trì.\n',
    );
    writeFileSync(
      join(tmp, 'kh.config.json'),
      JSON.stringify({
        knowledge: {
          agencies: [
            {
              key: 'so-ngoai-vu-local',
              name: 'Sở Ngoại vụ',
              scope: 'province',
              until: '2025-03-01',
              successors: [{ key: 'so-noi-vu' }],
              basis: 'Quyết định của UBND tỉnh',
              source: 'local decision',
              confidence: 'V',
            },
          ],
        },
      }),
    );
    const plain = await runLint();
    const own = (m: { ruleId: string }) => m.ruleId === 'defunct-agency' || m.ruleId === 'citation-status';
    expect(plain.messages.filter(own).map((m) => [m.ruleId, m.messageId])).toEqual([
      ['defunct-agency', 'agency'],
    ]);
    expect(plain.messages.find((m) => m.ruleId === 'defunct-agency')!.message).toContain('nay là Sở Nội vụ');
    const strict = await runLint({ strictCitations: true });
    expect(strict.messages.filter(own).map((m) => [m.ruleId, m.messageId, m.severity])).toEqual([
      ['citation-status', 'unknown', 'info'],
      ['defunct-agency', 'agency', 'error'],
    ]);
  });

  it('kh lint: a malformed knowledge entry is one clear line, exit 2', async () => {
    writeFileSync(join(tmp, 'kh.config.json'), JSON.stringify({ knowledge: { agencies: [{ key: 'x' }] } }));
    const { code, err } = await runLint();
    expect(code).toBe(2);
    expect(err.trim().split('\n').length).toBe(1);
    expect(err).toContain('knowledge');
  });
});
