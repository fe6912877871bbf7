// The survey form reached from an invitation link (one per finished transaction) or from the unit's
// public link (its QR poster).
import { useMutation, useQuery } from '@tanstack/react-query';
import { useParams } from 'react-router';
import { usePageTitle } from '../../components/page-title';
import { ErrorAlert, Loading, Notice } from '../../components/Status';
import { SurveyForm } from './SurveyForm';
import { type FormContext, type ResponsePayload, surveysApi } from './surveys-api';
import { useStrings } from './strings';

function Respond({ form, send }: { form: FormContext; send(p: ResponsePayload): Promise<unknown> }) {
  const { s } = useStrings();
  const done = useMutation({ mutationFn: send });
  if (done.isSuccess) {
    return (
      <Notice>
        <p>{s('thanks')}</p>
      </Notice>
    );
  }
  return (
    <>
      <p className="lead">{s('lead', { unit: `${form.unitName}, ${form.agencyName}` })}</p>
      <SurveyForm questions={form.questions} onSubmit={async (p) => void (await done.mutateAsync(p))} />
    </>
  );
}

export function InvitationSurveyPage() {
  const { token = '' } = useParams();
  const { s } = useStrings();
  usePageTitle(s('title'));
  const form = useQuery({
    queryKey: ['survey-invitation', token],
    queryFn: () => surveysApi.invitation(token),
    retry: false,
  });
  return (
    <>
      <h1>{s('title')}</h1>
      {form.isPending ? (
        <Loading />
      ) : form.error ? (
        <ErrorAlert error={form.error} />
      ) : (
        <Respond form={form.data} send={(p) => surveysApi.answerInvitation(token, p)} />
      )}
    </>
  );
}

export function UnitSurveyPage() {
  const { unitId = '' } = useParams();
  const { s } = useStrings();
  usePageTitle(s('title'));
  const form = useQuery({
    queryKey: ['survey-unit', unitId],
    queryFn: () => surveysApi.unitForm(unitId),
    retry: false,
  });
  const send = async (p: ResponsePayload) => {
    const session = await surveysApi.unitSession(unitId);
    return surveysApi.answerUnit(unitId, { ...p, sessionToken: session.sessionToken });
  };
  return (
    <>
      <h1>{s('title')}</h1>
      {form.isPending ? (
        <Loading />
      ) : form.error ? (
        <ErrorAlert error={form.error} />
      ) : (
        <Respond form={form.data} send={send} />
      )}
    </>
  );
}
