// A unit's published survey result, for everyone.
import { useQuery } from '@tanstack/react-query';
import { useParams } from 'react-router';
import { usePageTitle } from '../../components/page-title';
import { ErrorAlert, Loading } from '../../components/Status';
import { formatDateTime } from '../../lib/format';
import { ResultSummary } from './ResultTable';
import { surveysApi } from './surveys-api';
import { useStrings } from './strings';

export function PublishedResultPage() {
  const { unitId = '' } = useParams();
  const { s, lang } = useStrings();
  usePageTitle(s('resultTitle'));
  const res = useQuery({
    queryKey: ['survey-published', unitId],
    queryFn: () => surveysApi.published(unitId),
    retry: false,
  });
  return (
    <>
      <h1>{s('resultTitle')}</h1>
      {res.isPending ? (
        <Loading />
      ) : res.error ? (
        <ErrorAlert error={res.error} />
      ) : (
        <>
          <p className="lead">
            {res.data.scope.unit?.name} · {res.data.scope.agency.name}
          </p>
          <p className="muted">{s('publishedAt', { date: formatDateTime(res.data.publishedAt, lang) })}</p>
          <ResultSummary view={res.data} />
        </>
      )}
    </>
  );
}
