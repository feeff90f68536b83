// ECharts, only the parts the views draw with (the full build is twice the size, and the page compiles all of what
// it downloads). scripts/bundle-site.mjs bundles this from the pinned npm package; a view that needs another chart or
// component type adds it here.
import { use, init } from 'echarts/core';
import { BarChart, LineChart } from 'echarts/charts';
import { AriaComponent, GraphicComponent, GridComponent, LegendComponent, TitleComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';

use([BarChart, LineChart, AriaComponent, GraphicComponent, GridComponent, LegendComponent, TitleComponent, TooltipComponent,
  CanvasRenderer]);

export { init };
