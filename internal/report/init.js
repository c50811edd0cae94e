(function () {
  var data = JSON.parse(document.getElementById('mend-charts').textContent);
  var els = document.querySelectorAll('[data-chart]');
  var drawn = [];
  var failed = false;
  for (var i = 0; i < els.length; i++) {
    var el = els[i];
    var opt = data[el.getAttribute('data-chart')];
    if (!opt) continue;
    try {
      opt.animation = false;
      // The page prints each chart's title as a caption above it.
      var titles = Array.isArray(opt.title) ? opt.title : opt.title ? [opt.title] : [];
      for (var t = 0; t < titles.length; t++) titles[t].show = false;
      // Zooming works by touch and wheel; the slider is no use on paper.
      if (Array.isArray(opt.dataZoom)) opt.dataZoom = opt.dataZoom.filter(function (z) { return z.type !== 'slider'; });
      drawn.push(echarts.init(el, null, { renderer: 'svg' }));
      drawn[drawn.length - 1].setOption(opt);
    } catch (e) {
      failed = true;
      el.textContent = 'This chart could not be drawn.';
    }
  }
  // A phone turned sideways, or a desktop window resized: charts follow.
  window.addEventListener('resize', function () {
    for (var k = 0; k < drawn.length; k++) drawn[k].resize();
  });
  document.body.setAttribute('data-ready', failed ? 'error' : '1');
})();
