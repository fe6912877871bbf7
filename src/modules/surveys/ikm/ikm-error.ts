// The one error the IKM core throws for bad input: a typed class with a bilingual message.
import { type Text, text } from '../../../core/i18n/messages';

export type IkmInputErrorCode =
  | 'NO_RESPONSES'
  | 'ELEMENT_WITHOUT_ANSWERS'
  | 'MISSING_ELEMENT'
  | 'UNKNOWN_ELEMENT'
  | 'INVALID_COUNT'
  | 'INVALID_SUM'
  | 'SUM_OUT_OF_RANGE'
  | 'INVALID_ANSWER'
  | 'INVALID_WEIGHT'
  | 'CONVERTED_OUT_OF_RANGE'
  | 'INVALID_POPULATION';

export class IkmInputError extends Error {
  override readonly name = 'IkmInputError';

  constructor(
    readonly code: IkmInputErrorCode,
    /** Bahasa Indonesia and English, for the user interface. */
    readonly text: Text,
    readonly details?: Readonly<Record<string, unknown>>,
  ) {
    super(`${text.id} / ${text.en}`);
  }
}

export const ikmInputError = (
  code: IkmInputErrorCode,
  id: string,
  en: string,
  details?: Readonly<Record<string, unknown>>,
): IkmInputError => new IkmInputError(code, text(id, en), details);
