// A decision's choices as radio buttons in a fieldset with its legend: the first is chosen to begin with. Each input's
// id is `<idPrefix>-<value>`, labelled by its own <label for>, so the keyboard and screen readers reach every choice.
export interface Choice {
  value: string;
  label: string;
}

export function Choices(props: { legend: string; name: string; idPrefix: string; choices: Choice[] }) {
  return (
    <fieldset>
      <legend>{props.legend}</legend>
      {props.choices.map((c, i) => (
        <div class="check" key={c.value}>
          <input
            type="radio"
            id={`${props.idPrefix}-${c.value}`}
            name={props.name}
            value={c.value}
            defaultChecked={i === 0}
          />
          <label for={`${props.idPrefix}-${c.value}`}>{c.label}</label>
        </div>
      ))}
    </fieldset>
  );
}
