import type {
  Convention,
  InputRange,
  OutputKind,
  Polarity,
  UserModel,
} from '../../usermodel/UserModel';

const RANGES: InputRange[] = ['0..1', '0..255', '-1..1'];
const POLARITIES: Polarity[] = ['white-on-black', 'black-on-white'];
const OUTPUTS: OutputKind[] = ['logits', 'probabilities'];

/** Every convention, input range first, as the one control offers them. */
const CONVENTIONS: Convention[] = RANGES.flatMap((range) =>
  POLARITIES.flatMap((polarity) => OUTPUTS.map((output) => ({ range, polarity, output }))),
);

const valueOf = ({ range, polarity, output }: Convention) => `${range} ${polarity} ${output}`;

/**
 * How the drawing is fed to the person's model and its outputs read, in one control: each
 * input convention says how many known test drawings it read right, the guess is marked.
 */
export function ConventionChoice({
  model,
  convention,
  onChange,
}: {
  model: UserModel;
  convention: Convention;
  onChange: (convention: Convention) => void;
}) {
  const guessed = valueOf(model.guessed);
  const score = (c: Convention) =>
    model.probeScores.find((s) => s.range === c.range && s.polarity === c.polarity);
  return (
    <label className="user-model__convention">
      Feed it and read it as
      <select
        data-testid="user-convention"
        value={valueOf(convention)}
        onChange={(e) => {
          const chosen = CONVENTIONS.find((c) => valueOf(c) === e.target.value);
          if (chosen) onChange(chosen);
        }}
      >
        {CONVENTIONS.map((c) => {
          const s = score(c);
          const value = valueOf(c);
          return (
            <option key={value} value={value}>
              {`inputs ${c.range}, ${c.polarity.replaceAll('-', ' ')}; outputs are ${c.output}` +
                (s ? ` (reads ${s.right} of ${s.total} test digits)` : '') +
                (value === guessed ? ' — guessed' : '')}
            </option>
          );
        })}
      </select>
    </label>
  );
}
