import { ReactNode } from 'react';
import Box from '@material-ui/core/Box';
import FormControl from '@material-ui/core/FormControl';
import InputLabel from '@material-ui/core/InputLabel';
import MenuItem from '@material-ui/core/MenuItem';
import Paper from '@material-ui/core/Paper';
import Select from '@material-ui/core/Select';

/** The filter row above a view; on a paper background so its labels keep their contrast. */
export function FilterBar(props: { children: ReactNode }) {
  return (
    <Box
      component={Paper}
      display="flex"
      flexWrap="wrap"
      my={2}
      p={2}
      style={{ gap: 16 }}
      alignItems="center"
    >
      {props.children}
    </Box>
  );
}

/**
 * One labelled filter. The select is named by its label and its value (`id` on the Select), so
 * screen readers say both and the accessible name contains the visible text.
 */
export function FilterSelect<T extends string>(props: {
  id: string;
  label: string;
  value: T;
  options: Array<[T, string]>;
  onChange: (value: T) => void;
}) {
  return (
    <FormControl variant="outlined" size="small" style={{ minWidth: 150 }}>
      <InputLabel id={`${props.id}-label`}>{props.label}</InputLabel>
      <Select
        labelId={`${props.id}-label`}
        id={props.id}
        label={props.label}
        value={props.value}
        onChange={e => props.onChange(e.target.value as T)}
      >
        {props.options.map(([value, text]) => (
          <MenuItem key={value} value={value}>
            {text}
          </MenuItem>
        ))}
      </Select>
    </FormControl>
  );
}
