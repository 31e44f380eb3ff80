// What a blank hyperparameter field means when several chosen methods read it: each method takes its own
// default (state.js), and those can differ (AdaGrad's ε is 1e-10, RMSprop's and Adam's 1e-8). The field,
// too narrow to list them, then says "varies", and a line under the fields says whose each is.

// readers: the chosen methods that read `name`, whose field is labelled `label`. Returns
// { placeholder, note }; note is '' where they agree.
export function parameterDefaults(name, label, readers) {
  const byValue = new Map();
  for (const method of readers) {
    const value = method.defaults[name];
    byValue.set(value, [...(byValue.get(value) ?? []), method.id]);
  }
  const written = (value) => (value === null || value === undefined ? 'off' : String(value));
  const values = [...byValue.keys()];
  if (values.length <= 1) return { placeholder: values.length ? written(values[0]) : '', note: '' };
  return {
    placeholder: 'varies',
    note: `${label} left blank: ${values.map((value) => `${written(value)} for ${byValue.get(value).join(', ')}`).join('; ')}.`,
  };
}
