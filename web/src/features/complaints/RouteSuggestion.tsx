// The learned routing suggestion on the console's complaint detail, for the agency admin: the likeliest units
// with the model's confidence, one click to dispose the report to one of them, and a warning while the model
// has learnt from too little history.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Empty, ErrorAlert, Loading, Notice } from '../../components/Status';
import { api, seg } from '../../lib/api';
import { useStrings } from './strings';

interface Suggestion {
  complaintId: string;
  suggestions: { unitId: string; unitName: string; confidence: number; confidencePercent: number }[];
  autoAssignPercent: number;
  wouldAutoAssign: boolean;
  trainedOn: number;
  enoughHistory: boolean;
}

export function RouteSuggestion({ complaintId, currentUnitId }: { complaintId: string; currentUnitId: string | null }) {
  const { s } = useStrings();
  const qc = useQueryClient();
  const suggestion = useQuery({
    queryKey: ['route-suggestion', complaintId],
    queryFn: () => api.get<Suggestion>(`/admin/complaints/${seg(complaintId)}/route-suggestion`),
  });
  const route = useMutation({
    mutationFn: (u: { unitId: string; unitName: string }) =>
      api.post(`/console/complaints/${seg(complaintId)}/dispose`, { unitId: u.unitId }),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['complaint-detail', complaintId] });
      void qc.invalidateQueries({ queryKey: ['route-suggestion', complaintId] });
    },
  });

  return (
    <section aria-labelledby="route-suggestion" className="panel" data-testid="route-suggestion">
      <h2 id="route-suggestion">{s('suggestTitle')}</h2>
      <p className="muted">{s('suggestLead')}</p>
      {suggestion.isPending ? (
        <Loading />
      ) : suggestion.error ? (
        <ErrorAlert error={suggestion.error} />
      ) : (
        <>
          {suggestion.data.enoughHistory ? null : (
            <div className="alert alert-warning">
              <p>{s('suggestLowHistory', { n: suggestion.data.trainedOn })}</p>
            </div>
          )}
          {suggestion.data.suggestions.length === 0 ? (
            <Empty>{s('suggestNone')}</Empty>
          ) : (
            <ol>
              {suggestion.data.suggestions.map((u) => (
                <li key={u.unitId}>
                  <p>
                    <strong>{u.unitName}</strong>{' '}
                    <span className="badge">{s('suggestConfidence', { p: u.confidencePercent })}</span>
                  </p>
                  {u.unitId === currentUnitId ? (
                    <p className="muted">{s('suggestCurrent')}</p>
                  ) : (
                    <button
                      type="button"
                      className="button button-secondary button-small"
                      disabled={route.isPending}
                      onClick={() => route.mutate(u)}
                    >
                      {s('suggestRoute')}
                      <span className="sr-only">: {u.unitName}</span>
                    </button>
                  )}
                </li>
              ))}
            </ol>
          )}
          {suggestion.data.autoAssignPercent > 0 ? (
            <p className="muted">{s('suggestAuto', { p: suggestion.data.autoAssignPercent })}</p>
          ) : null}
        </>
      )}
      <ErrorAlert error={route.error} />
      {route.isSuccess ? <Notice>{s('suggestRouted', { unit: route.variables.unitName })}</Notice> : null}
    </section>
  );
}
