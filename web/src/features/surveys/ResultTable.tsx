// The official result table: per element total, NRR and weighted NRR; IKM, converted IKM and mutu.
import type { ResultView } from './surveys-api';
import { useStrings } from './strings';

export function ResultSummary({ view }: { view: ResultView }) {
  const { s, pick } = useStrings();
  const r = view.result;
  return (
    <>
      <p>
        {s('period')}: <strong>{pick(view.period.label)}</strong> · {s('responses')}: <strong>{view.responses}</strong>{' '}
        · {s('weight')}: {pick(view.weight.label)}
      </p>
      {view.sample.minimum !== null ? (
        <p
          className={view.sample.sufficient === false ? 'alert alert-error' : 'muted'}
          role={view.sample.sufficient === false ? 'alert' : undefined}
        >
          {s('sample', { min: view.sample.minimum, pop: view.sample.population ?? '-' })}{' '}
          {view.sample.sufficient === false ? s('sampleShort', { n: view.responses, min: view.sample.minimum }) : null}
        </p>
      ) : null}
      {!r ? (
        <p className="state state-empty">{s('noResponses')}</p>
      ) : (
        <>
          <div className="skm-summary">
            <div className="skm-figure">
              {s('converted')}
              <strong data-testid="skm-converted">{r.converted}</strong>
            </div>
            <div className="skm-figure">
              {s('mutu')}
              <strong data-testid="skm-mutu">
                {r.mutu.grade} ({pick(r.mutu.kinerja)})
              </strong>
            </div>
            <div className="skm-figure">
              {s('ikm')}
              <strong>{r.ikm}</strong>
            </div>
          </div>
          <table className="skm-table">
            <caption className="muted">{s('lowestNote')}</caption>
            <thead>
              <tr>
                <th scope="col">{s('element')}</th>
                <th scope="col">{s('total')}</th>
                <th scope="col">{s('nrr')}</th>
                <th scope="col">{s('weightedNrr')}</th>
              </tr>
            </thead>
            <tbody>
              {r.elements.map((e) => (
                <tr key={e.key} className={e.lowest ? 'skm-lowest' : undefined}>
                  <th scope="row">
                    {e.key.toUpperCase()} {pick(e.name)} {e.lowest ? <em>({s('lowest')})</em> : null}
                  </th>
                  <td className="num">{e.sum}</td>
                  <td className="num">{e.nrr}</td>
                  <td className="num">{e.weightedNrr}</td>
                </tr>
              ))}
              <tr>
                <th scope="row">{s('ikm')}</th>
                <td />
                <td />
                <td className="num">{r.ikm}</td>
              </tr>
              <tr>
                <th scope="row">{s('converted')}</th>
                <td />
                <td />
                <td className="num">{r.converted}</td>
              </tr>
            </tbody>
          </table>
        </>
      )}
      <h2>{s('profile')}</h2>
      <div className="skm-profile">
        {view.profile.map((p) => (
          <table key={p.dimension} className="skm-table">
            <caption>{pick(p.label)}</caption>
            <tbody>
              {p.rows.map((row) => (
                <tr key={row.code}>
                  <th scope="row">{pick(row.label)}</th>
                  <td className="num">{row.count}</td>
                </tr>
              ))}
              <tr>
                <th scope="row">{s('notGiven')}</th>
                <td className="num">{p.notGiven}</td>
              </tr>
            </tbody>
          </table>
        ))}
      </div>
    </>
  );
}
