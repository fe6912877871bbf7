// The learned router against the majority-class baseline on a held-out split of generated history.
import { describe, expect, it } from 'vitest';
import { predict, tokenize, train } from './naive-bayes';
import { evaluate, syntheticHistory } from './synthetic-history';

describe('routing model', () => {
  it('tokenises lower-cased words without Indonesian stop-words', () => {
    expect(tokenize('Jalan di depan Pasar Rau sudah BERLUBANG, mohon segera ditambal!')).toEqual([
      'jalan',
      'depan',
      'pasar',
      'rau',
      'berlubang',
      'ditambal',
    ]);
  });

  it('beats the majority-class baseline by a clear margin on held-out data', () => {
    const history = syntheticHistory(1500, 7);
    const cut = Math.floor(history.length * 0.8);
    const trainSet = history.slice(0, cut);
    const testSet = history.slice(cut);
    const model = train(trainSet.map((x) => ({ x, label: x.unit })));
    const r = evaluate(trainSet, testSet, (x) => predict(model, x, 3).map((p) => p.label));
    expect(r.top1).toBeGreaterThan(r.baseline + 0.3);
    expect(r.top3).toBeGreaterThanOrEqual(r.top1);
  });

  it('ranks at most three units with confidences that are probabilities', () => {
    const model = train([
      { x: { title: 'jalan berlubang', description: 'aspal jalan rusak' }, label: 'pu' },
      { x: { title: 'sampah menumpuk', description: 'sampah bau di tps' }, label: 'dlh' },
      { x: { title: 'puskesmas antre', description: 'dokter puskesmas tidak ada' }, label: 'dinkes' },
      { x: { title: 'izin usaha', description: 'berkas izin lama' }, label: 'dpmptsp' },
    ]);
    const ranked = predict(model, { title: 'Aspal jalan', description: 'jalan berlubang besar' });
    expect(ranked.length).toBe(3);
    expect(ranked[0]!.label).toBe('pu');
    for (const r of ranked) expect(r.confidence).toBeGreaterThan(0);
    expect(ranked[0]!.confidence).toBeGreaterThan(ranked[1]!.confidence);
  });
});
