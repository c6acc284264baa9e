/** A unit picker that finds a unit by part of its name or its pinyin initials (`swz` → 沙湾镇). */
import { Select, type SelectProps } from 'antd';
import { useMemo } from 'react';
import { matchesUnit } from '../lib/pinyin';
import { useUnits } from '../lib/units';

type Props = Omit<SelectProps<number | number[]>, 'options' | 'filterOption' | 'showSearch'> & {
  /** Only units of this series. */
  series?: string;
};

export function UnitPicker({ series, placeholder = '输入单位名称或拼音首字母', ...props }: Props) {
  const { data, loading } = useUnits();
  const options = useMemo(
    () =>
      (data ?? [])
        .filter((u) => !series || u.series === series)
        .map((u) => ({ value: u.id, label: u.name, title: u.seriesName })),
    [data, series]
  );
  return (
    <Select
      showSearch
      allowClear
      loading={loading}
      placeholder={placeholder}
      options={options}
      filterOption={(typed, option) => matchesUnit(String(option?.label ?? ''), typed)}
      notFoundContent="没有匹配的单位"
      {...props}
    />
  );
}
