// The questionnaire: the nine elements in the regulation's order (each a group of four choices), the
// respondent profile, the unit's own questions and a suggestion. No name is asked.
import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import { ErrorAlert, Loading } from '../../components/Status';
import { type CustomQuestion, type ResponsePayload, surveysApi } from './surveys-api';
import { useStrings } from './strings';
import './surveys.css';

function Choice({
  name,
  value,
  label,
  checked,
  onChange,
}: {
  name: string;
  value: number;
  label: string;
  checked: boolean;
  onChange(): void;
}) {
  return (
    <label className={`skm-option${checked ? ' skm-option-checked' : ''}`}>
      <input type="radio" name={name} value={value} checked={checked} onChange={onChange} />
      <span>{label}</span>
    </label>
  );
}

export function SurveyForm({
  questions,
  kiosk = false,
  onSubmit,
}: {
  questions: CustomQuestion[];
  kiosk?: boolean;
  onSubmit(payload: ResponsePayload): Promise<void>;
}) {
  const { s, pick } = useStrings();
  const formId = useId();
  const def = useQuery({
    queryKey: ['survey-definition'],
    queryFn: surveysApi.definition,
    staleTime: Number.POSITIVE_INFINITY,
  });
  const [answers, setAnswers] = useState<Record<string, number>>({});
  const [profile, setProfile] = useState<Record<string, string>>({});
  const [extra, setExtra] = useState<Record<string, number | string>>({});
  const [suggestion, setSuggestion] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  if (def.isPending) return <Loading />;
  if (def.error) return <ErrorAlert error={def.error} />;
  const elements = def.data.elements;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const missing = elements.filter((el) => answers[el.key] === undefined);
    if (missing.length > 0) {
      setProblem(s('missing', { list: missing.map((el) => el.order).join(', ') }));
      return;
    }
    setProblem(null);
    setError(null);
    setBusy(true);
    try {
      const cleanProfile = Object.fromEntries(Object.entries(profile).filter(([, v]) => v !== ''));
      const cleanExtra = Object.fromEntries(Object.entries(extra).filter(([, v]) => v !== ''));
      await onSubmit({
        answers,
        profile: Object.keys(cleanProfile).length ? cleanProfile : undefined,
        extra: Object.keys(cleanExtra).length ? cleanExtra : undefined,
        suggestion: suggestion.trim() || undefined,
      });
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  const profileField = (key: 'jenisKelamin' | 'umur' | 'pendidikan' | 'pekerjaan') => (
    <div className="field" key={key}>
      <label htmlFor={`${formId}-${key}`}>{s(key)}</label>
      <select
        id={`${formId}-${key}`}
        value={profile[key] ?? ''}
        onChange={(e) => setProfile({ ...profile, [key]: e.target.value })}
      >
        <option value="">{s('notSay')}</option>
        {def.data.profile[key].map((o) => (
          <option key={o.code} value={o.code}>
            {pick(o.label)}
          </option>
        ))}
      </select>
    </div>
  );

  return (
    <form className={`form skm-form${kiosk ? ' skm-kiosk' : ''}`} onSubmit={submit} noValidate>
      <h2>{s('elementsTitle')}</h2>
      {elements.map((el) => (
        <fieldset key={el.key} className="skm-element" data-element={el.key}>
          <legend>
            <span className="skm-number">{el.order}.</span> {pick(el.question)}
          </legend>
          <div className="skm-options">
            {el.answers.map((a) => (
              <Choice
                key={a.value}
                name={`${formId}-${el.key}`}
                value={a.value}
                label={pick(a.label)}
                checked={answers[el.key] === a.value}
                onChange={() => setAnswers({ ...answers, [el.key]: a.value })}
              />
            ))}
          </div>
        </fieldset>
      ))}
      {questions.length > 0 ? (
        <>
          <h2>{s('extraTitle')}</h2>
          <p className="muted">{s('extraNote')}</p>
          {questions.map((q) =>
            q.kind === 'scale' ? (
              <fieldset key={q.id} className="skm-element">
                <legend>{pick(q.text)}</legend>
                <div className="skm-options">
                  {[1, 2, 3, 4].map((v) => (
                    <Choice
                      key={v}
                      name={`${formId}-${q.id}`}
                      value={v}
                      label={String(v)}
                      checked={extra[q.id] === v}
                      onChange={() => setExtra({ ...extra, [q.id]: v })}
                    />
                  ))}
                </div>
              </fieldset>
            ) : (
              <div className="field" key={q.id}>
                <label htmlFor={`${formId}-${q.id}`}>{pick(q.text)}</label>
                <textarea
                  id={`${formId}-${q.id}`}
                  maxLength={1000}
                  rows={2}
                  value={String(extra[q.id] ?? '')}
                  onChange={(e) => setExtra({ ...extra, [q.id]: e.target.value })}
                />
              </div>
            ),
          )}
        </>
      ) : null}
      <h2>{s('profileTitle')}</h2>
      <div className="skm-profile">
        {(['jenisKelamin', 'umur', 'pendidikan', 'pekerjaan'] as const).map(profileField)}
      </div>
      <div className="field">
        <label htmlFor={`${formId}-saran`}>{s('suggestion')}</label>
        <p className="field-hint" id={`${formId}-saran-hint`}>
          {s('suggestionHint')}
        </p>
        <textarea
          id={`${formId}-saran`}
          aria-describedby={`${formId}-saran-hint`}
          maxLength={2000}
          rows={3}
          value={suggestion}
          onChange={(e) => setSuggestion(e.target.value)}
        />
      </div>
      {problem ? (
        <div className="alert alert-error" role="alert">
          <p>{problem}</p>
        </div>
      ) : null}
      <ErrorAlert error={error} />
      <button type="submit" className="button skm-submit" disabled={busy}>
        {busy ? s('sending') : s('submit')}
      </button>
    </form>
  );
}
