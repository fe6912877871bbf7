// The public verification page the QR code points to: valid / revoked / unknown with the content digest,
// and a comparison of an uploaded PDF with the issued file (a changed field gives "tidak valid").
import { type FormEvent, useState } from 'react';
import { useParams } from 'react-router';
import { usePageTitle } from '../../components/page-title';
import { ErrorAlert, Loading } from '../../components/Status';
import { formatDateTime } from '../../lib/format';
import { type FileCheck, type Issued, useVerification, verifyFile } from './services-api';
import { useS } from './text';
import './services.css';

export function VerifyPage() {
  const { id } = useParams();
  const { s } = useS();
  usePageTitle(s('verifyTitle'));
  const query = useVerification(id);
  return (
    <>
      <h1>{s('verifyTitle')}</h1>
      <p className="lead">{s('verifyLead')}</p>
      {query.isPending ? (
        <Loading />
      ) : query.error ? (
        <ErrorAlert error={query.error} />
      ) : (
        <Verdict status={query.data.status} issued={query.data.document} headingId="svc-verdict" />
      )}
      {id && query.data?.document ? <Compare id={id} /> : null}
    </>
  );
}

function Verdict({ status, issued, headingId }: { status: string; issued: Issued | null; headingId: string }) {
  const { s, lang } = useS();
  const title =
    status === 'valid'
      ? s('valid')
      : status === 'revoked'
        ? s('revoked')
        : status === 'invalid'
          ? s('invalid')
          : s('unknown');
  return (
    <section aria-labelledby={headingId} className={`card svc-verdict-${status}`} data-testid="verdict">
      <h2 id={headingId}>{title}</h2>
      {issued ? (
        <dl className="facts">
          <div>
            <dt>{s('number')}</dt>
            <dd className="mono">{issued.number}</dd>
          </div>
          <div>
            <dt>{s('service')}</dt>
            <dd>{issued.serviceName}</dd>
          </div>
          <div>
            <dt>{s('holder')}</dt>
            <dd>{issued.holderName}</dd>
          </div>
          <div>
            <dt>{s('issuedBy')}</dt>
            <dd>
              {issued.unitName}, {issued.agencyName}
            </dd>
          </div>
          <div>
            <dt>{s('issuedAt')}</dt>
            <dd>{formatDateTime(issued.issuedAt, lang, 'Asia/Jakarta')}</dd>
          </div>
          {issued.revokeReason ? (
            <div>
              <dt>{s('reason')}</dt>
              <dd>{issued.revokeReason}</dd>
            </div>
          ) : null}
          <div>
            <dt>{s('digest')}</dt>
            <dd className="svc-digest">{issued.contentDigest}</dd>
          </div>
          <div>
            <dt>{s('fileDigest')}</dt>
            <dd className="svc-digest">{issued.fileSha256}</dd>
          </div>
        </dl>
      ) : null}
    </section>
  );
}

function Compare({ id }: { id: string }) {
  const { s, pick } = useS();
  const [file, setFile] = useState<File | null>(null);
  const [result, setResult] = useState<FileCheck | null>(null);
  const [error, setError] = useState<unknown>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!file) return;
    setError(null);
    try {
      setResult(await verifyFile(id, file));
    } catch (err) {
      setError(err);
    }
  };
  return (
    <section aria-labelledby="svc-compare" className="card">
      <h2 id="svc-compare">{s('compareTitle')}</h2>
      <p>{s('compareLead')}</p>
      <form className="form" onSubmit={submit}>
        <div className="field">
          <label htmlFor="svc-pdf">{s('pdfFile')}</label>
          <input
            id="svc-pdf"
            type="file"
            accept="application/pdf"
            onChange={(e) => setFile(e.target.files?.[0] ?? null)}
          />
        </div>
        <button type="submit" className="button">
          {s('compare')}
        </button>
      </form>
      {error ? <ErrorAlert error={error} /> : null}
      <div aria-live="polite">
        {result ? (
          <div data-testid="compare-result">
            <Verdict status={result.status} issued={null} headingId="svc-compare-verdict" />
            {result.reasons.length === 0 ? (
              <p>{s('fileMatches')}</p>
            ) : (
              <ul>
                {result.reasons.map((r) => (
                  <li key={r.code}>{pick(r.message)}</li>
                ))}
              </ul>
            )}
            <p className="svc-digest">
              {s('fileDigest')}: {result.uploadedSha256}
            </p>
          </div>
        ) : null}
      </div>
    </section>
  );
}
