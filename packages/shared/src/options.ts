// A list of choices is written once, as { value, label } in the order a form shows them;
// the enum values and the label lookup are read from it, so the three can never disagree.

/** The values of a list of choices, typed for z.enum. */
export function valuesOf<T extends string>(options: ReadonlyArray<{ value: T }>): [T, ...T[]] {
  return options.map((option) => option.value) as [T, ...T[]];
}

/** Each value's label, for showing a stored value. */
export function labelsOf<T extends string>(options: ReadonlyArray<{ value: T; label: string }>): Record<T, string> {
  return Object.fromEntries(options.map((option) => [option.value, option.label])) as Record<T, string>;
}
