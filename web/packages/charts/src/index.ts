export { LineChart, AreaChart, BarChart, TimeChart, type ChartKind, type TimeChartProps } from './TimeChart';
export { align, stack, valueRange, tableRows, seriesStats, hasData, timeOf, axisTimeOptions, fullTimeOptions, type ChartPoint, type Columns, type ChartSeries, type TimeBucket, type TableRow } from './shape';
export { readTheme, type ChartTheme } from './theme';
export { t as chartStrings } from './strings';
