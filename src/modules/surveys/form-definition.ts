// The questionnaire as the regulation sets it: the nine elements in order with their wording and
// answer labels, and the respondent-profile options. No name is ever asked.
import { IKM_ELEMENTS } from './ikm';
import { PROFILE_OPTIONS } from './profile-columns';

export function formDefinition() {
  const options = (list: readonly { code: string; label: { id: string; en: string } }[]) =>
    list.map((o) => ({ code: o.code, label: o.label }));
  return {
    elements: IKM_ELEMENTS.map((e) => ({
      key: e.key,
      order: e.order,
      name: e.name,
      question: e.question,
      answers: e.answers.map((a) => ({ value: a.value, label: a.label })),
    })),
    profile: {
      jenisKelamin: options(PROFILE_OPTIONS.jenisKelamin),
      umur: options(PROFILE_OPTIONS.umur),
      pendidikan: options(PROFILE_OPTIONS.pendidikan),
      pekerjaan: options(PROFILE_OPTIONS.pekerjaan),
    },
  };
}
