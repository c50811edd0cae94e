(function () {
  var data = JSON.parse(document.getElementById('mend-charts').textContent);
  var els = document.querySelectorAll('[data-chart]');
  var failed = false;
  for (var i = 0; i < els.length; i++) {
    var el = els[i];
    var opt = data[el.getAttribute('data-chart')];
    if (!opt) continue;
    try {
      opt.animation = false;
      echarts.init(el, null, { renderer: 'svg' }).setOption(opt);
    } catch (e) {
      failed = true;
      el.textContent = 'This chart could not be drawn.';
    }
  }
  document.body.setAttribute('data-ready', failed ? 'error' : '1');
})();
