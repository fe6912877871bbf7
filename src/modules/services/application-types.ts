// Small shapes stored inside application rows.
export interface ClockEventRow {
  kind: 'start' | 'pause' | 'resume';
  /** ISO instant. */
  at: string;
}

export interface FieldReturn {
  key: string;
  note: string;
}

export type FieldValues = Record<string, string | number | null>;
export interface FileClaim {
  id: string;
  claimToken: string;
}
