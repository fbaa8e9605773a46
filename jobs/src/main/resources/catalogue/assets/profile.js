/* Territoire: the profile page. Reads profile.html#<level>/<code>, loads profiles/<level>/<code>.js (a call to
   Territoire.profile with the territory's data) and draws it: key indicators, neighbours, sectors, series, links
   to the published files. Secret values are shown as « secret », never as a number. */
(function () {
  'use strict';
  var T = window.Territoire = window.Territoire || {};
  var LEVEL = {commune: 'Commune', epci: 'EPCI', departement: 'Département', region: 'Région'};
  var PARENT = {epci: 'EPCI', departement: 'Département', region: 'Région'};
  var SECTION = {A: 'Agriculture, sylviculture et pêche', B: 'Industries extractives', C: 'Industrie manufacturière',
    D: 'Électricité, gaz, vapeur', E: 'Eau, assainissement, déchets', F: 'Construction',
    G: 'Commerce, réparation d\u2019automobiles', H: 'Transports et entreposage', I: 'Hébergement et restauration',
    J: 'Information et communication', K: 'Activités financières et d\u2019assurance', L: 'Activités immobilières',
    M: 'Activités spécialisées, scientifiques et techniques', N: 'Services administratifs et de soutien',
    O: 'Administration publique', P: 'Enseignement', Q: 'Santé humaine et action sociale',
    R: 'Arts, spectacles et activités récréatives', S: 'Autres activités de services',
    T: 'Activités des ménages employeurs', U: 'Activités extra-territoriales'};
  var SERIES = {active_establishments_1jan: 'Établissements actifs au 1er janvier', creations: 'Créations',
    closures: 'Fermetures', population_municipale: 'Population municipale'};
  var charts = [];
  var meta = {};

  /** The indicators' labels and units, by id (profiles/indicators.js). */
  T.indicators = function (map) { meta = map; };

  /** Each dataset's CSV file, by dataset name (profiles/files.js): a large one is gzipped (.csv.gz). */
  var csvFiles = {};
  T.files = function (map) { csvFiles = map; };

  /** A French number; values are published rounded to their decimals, so all of them are shown by default. */
  function number(value, decimals) {
    var digits = (decimals === null || decimals === undefined) ? 10 : decimals;
    return new Intl.NumberFormat('fr-FR', {minimumFractionDigits: 0, maximumFractionDigits: Math.max(digits, 0)})
      .format(value);
  }

  /** A cell's text: « secret » for a secret status, a French number, or a dash. */
  function shown(value, status, decimals) {
    if (status && status.indexOf('secret') === 0) { return 'secret'; }
    if (value === null || value === undefined) {
      return status === 'not_applicable' ? 'sans objet' : (status === 'missing' ? 'n.d.' : '—');
    }
    return number(value, decimals);
  }

  function el(tag, attributes, children) {
    var node = document.createElement(tag);
    Object.keys(attributes || {}).forEach(function (name) {
      if (attributes[name] !== null && attributes[name] !== undefined) { node.setAttribute(name, attributes[name]); }
    });
    (children || []).forEach(function (child) {
      node.appendChild(typeof child === 'string' ? document.createTextNode(child) : child);
    });
    return node;
  }

  function numberCell(value, status, decimals, name) {
    var text = shown(value, status, decimals);
    var cls = 'n ' + name + (text === 'secret' ? ' secret' : (value === null || value === undefined ? ' none' : ''));
    return el('td', {'class': cls, 'data-value': value === null || value === undefined ? '' : String(value),
      'data-status': status || ''}, [text]);
  }

  function link(level, code, text) {
    return el('a', {href: '#' + level + '/' + code, 'data-level': level, 'data-code': code}, [text]);
  }

  function section(id, title, children) {
    return el('section', {id: id}, [el('h2', {}, [title])].concat(children));
  }

  function indicators(data) {
    var parent = PARENT[{commune: 'epci', epci: 'departement', departement: 'region'}[data.level]] || 'Parent';
    var head = el('tr', {}, ['Indicateur', 'Période', 'Valeur', 'Rang', 'Centile', parent, 'France',
      'Médiane du groupe de pairs'].map(function (title, i) { return el('th', {'class': i > 1 ? 'n' : null}, [title]); }));
    var rows = (data.indicators || []).map(function (row) {
      var secret = row.status && row.status.indexOf('secret') === 0;
      return el('tr', {'data-indicator': row.id, 'data-period': row.period}, [
        el('td', {}, [(meta[row.id] || [])[0] || row.id,
          (meta[row.id] || [])[1] ? el('span', {'class': 'note'}, [' (' + meta[row.id][1] + ')']) : '',
          (meta[row.id] || [])[2] ? el('span', {'class': 'note contributors'}, [' — données : ' + meta[row.id][2]]) : '']),
        el('td', {}, [row.period]),
        numberCell(row.value, row.status, null, 'value'),
        el('td', {'class': 'n rank', 'data-value': row.rank === null ? '' : String(row.rank)},
          [row.rank === null ? (secret ? 'secret' : '—') : number(row.rank, 0) + ' / ' + number(row.of, 0)]),
        numberCell(row.percentile, secret ? row.status : null, 2, 'percentile'),
        numberCell(row.parent, secret ? row.status : null, null, 'parent'),
        numberCell(row.france, secret ? row.status : null, null, 'france'),
        numberCell(row.peer_median, secret ? row.status : null, 3, 'peer-median')
      ]);
    });
    return section('indicators', 'Indicateurs clés', [
      el('table', {'class': 'indicators'}, [el('thead', {}, [head]), el('tbody', {}, rows)]),
      el('p', {'class': 'note'}, ['Dernière période publiée de chaque indicateur. Rang : 1 pour la valeur la plus '
        + 'élevée du niveau ; centile : part des territoires du niveau ayant une valeur inférieure ou égale. '
        + '« secret » : valeur couverte par le secret statistique.'])]);
  }

  function neighbours(data) {
    var list = data.neighbours || [];
    if (list.length === 0) {
      return section('neighbours', 'Voisins statistiques', [el('p', {'class': 'none'}, ['Pas de voisins publiés pour ce niveau.'])]);
    }
    return section('neighbours', 'Voisins statistiques', [
      el('p', {'class': 'note'}, ['Les ' + list.length + ' territoires du même niveau les plus proches par la population, '
        + 'la densité d\u2019établissements, la structure sectorielle, le taux de création et la part d\u2019employeurs.']),
      el('ol', {'class': 'neighbours'}, list.map(function (peer) {
        var a = link(data.level, peer.code, (peer.name || peer.code) + ' (' + peer.code + ')');
        a.setAttribute('class', 'neighbour');
        return el('li', {}, [a]);
      }))]);
  }

  function sectors(data) {
    var list = data.sectors || [];
    function table(kind, title) {
      var rows = list.filter(function (s) { return s.kind === kind; });
      return el('div', {}, [el('h3', {}, [title]), rows.length === 0 ? el('p', {'class': 'none'}, ['Aucune valeur publiée.'])
        : el('table', {'class': 'sectors ' + kind}, [
          el('thead', {}, [el('tr', {}, [el('th', {}, ['Code']), el('th', {}, ['Activité']),
            el('th', {'class': 'n'}, ['Quotient de localisation']), el('th', {'class': 'n'}, ['Établissements'])])]),
          el('tbody', {}, rows.map(function (s) {
            return el('tr', {'class': 'sector', 'data-kind': kind, 'data-code': s.code}, [
              el('td', {}, [s.code]), el('td', {}, [kind === 'section' ? (SECTION[s.code] || '') : 'division ' + s.code]),
              el('td', {'class': 'n quotient', 'data-value': String(s.quotient)}, [number(s.quotient, 2) + (s.fragile ? ' *' : '')]),
              el('td', {'class': 'n establishments', 'data-value': s.establishments === null ? '' : String(s.establishments)},
                [s.establishments === null ? '—' : number(s.establishments, 0)])]);
          }))])]);
    }
    return section('sectors', 'Spécialisation sectorielle', [
      el('p', {'class': 'note'}, ['Les activités où le territoire compte le plus d\u2019établissements par rapport à la '
        + 'structure du reste de la France (quotient de localisation > 1 : plus que la moyenne). '
        + '* effectif attendu inférieur à 5 : quotient fragile.']),
      table('section', 'Sections NAF'), table('division', 'Divisions NAF')]);
  }

  function series(data) {
    var all = {};
    (data.series || []).forEach(function (entry) { all[entry.id] = entry; });
    function of(id) { return all[id] || {periods: [], values: [], statuses: []}; }
    var box = section('series', 'Évolution', [el('div', {'class': 'charts'}, [
      el('div', {}, [el('h3', {}, ['Établissements, créations et fermetures']), el('div', {'class': 'chart', id: 'chart-establishments'})]),
      el('div', {}, [el('h3', {}, ['Population municipale']), el('div', {'class': 'chart', id: 'chart-population'})])])]);
    var flows = ['active_establishments_1jan', 'creations', 'closures'];
    var years = {};
    flows.forEach(function (id) { of(id).periods.forEach(function (period) { years[period] = true; }); });
    var axis = Object.keys(years).sort();
    function values(id) {
      var entry = of(id), byYear = {};
      entry.periods.forEach(function (period, i) { byYear[period] = entry.statuses[i] === 'ok' ? entry.values[i] : null; });
      return axis.map(function (year) { return byYear.hasOwnProperty(year) ? byYear[year] : null; });
    }
    var secretPoints = 0;
    Object.keys(all).forEach(function (id) {
      all[id].statuses.forEach(function (status) { if (status.indexOf('secret') === 0) { secretPoints++; } });
    });
    if (secretPoints > 0) {
      box.appendChild(el('p', {'class': 'note secret'}, [secretPoints + ' valeur(s) secrète(s) : absentes des graphiques.']));
    }
    box._draw = function () {
      var population = of('population_municipale');
      draw('chart-establishments', axis, flows.map(function (id, i) {
        return {name: SERIES[id], type: i === 0 ? 'line' : 'bar', yAxisIndex: i === 0 ? 0 : 1, data: values(id)};
      }), true);
      draw('chart-population', population.periods, [{name: SERIES.population_municipale, type: 'line',
        data: population.values.map(function (value, i) { return population.statuses[i] === 'ok' ? value : null; })}], false);
    };
    return box;
  }

  function draw(id, axis, lines, twoAxes) {
    var dom = document.getElementById(id);
    if (!window.echarts || !dom) { return; }
    var chart = echarts.init(dom, null, {renderer: 'svg'});
    var format = function (value) { return number(value, 2); };
    chart.setOption({
      animation: false, tooltip: {trigger: 'axis', valueFormatter: format}, legend: {top: 0},
      grid: {left: 60, right: twoAxes ? 60 : 20, top: 40, bottom: 30},
      xAxis: {type: 'category', data: axis},
      yAxis: twoAxes ? [{type: 'value', name: 'stock', axisLabel: {formatter: format}},
        {type: 'value', name: 'flux', axisLabel: {formatter: format}}] : {type: 'value', scale: true, axisLabel: {formatter: format}},
      series: lines
    });
    dom.setAttribute('data-drawn', 'true');
    charts.push(chart);
  }

  function files(data) {
    var level = data.level;
    var key = 'level = ' + level + ', territory_code = ' + data.code;
    function row(dataset, title, rowKey) {
      var csv = csvFiles[dataset] || dataset + '.csv';
      return el('tr', {}, [el('td', {}, [title]),
        el('td', {}, [el('a', {'class': 'file', href: csv}, [csv]), ' · ',
          el('a', {'class': 'file', href: dataset + '.parquet'}, ['Parquet']), ' · ',
          el('a', {href: 'datasets/' + dataset + '.html'}, ['description'])]),
        el('td', {}, [el('code', {}, [rowKey])])]);
    }
    return section('files', 'Données', [el('table', {'class': 'files'}, [
      el('thead', {}, [el('tr', {}, [el('th', {}, ['Contenu']), el('th', {}, ['Fichiers']), el('th', {}, ['Lignes de ce territoire'])])]),
      el('tbody', {}, [
        row('indicator_values_' + level, 'Valeurs des indicateurs', key),
        row('territory_peers', 'Voisins statistiques', key),
        row('territories', 'Territoire et sa hiérarchie', 'level = ' + level + ', code = ' + data.code)])])]);
  }

  T.profile = function (data) {
    var wanted = window.location.hash.slice(1);
    if (wanted !== data.level + '/' + data.code) { return; }
    charts.forEach(function (chart) { chart.dispose(); });
    charts = [];
    var territory = data.territory || {};
    var root = document.getElementById('profile');
    root.textContent = '';
    var parents = (territory.parents || []).map(function (p) {
      return el('span', {'class': 'parent'}, [PARENT[p.level] + ' : ', link(p.level, p.code, p.name || p.code)]);
    });
    var header = el('header', {}, [el('h1', {id: 'territory-name'}, [territory.name || data.code]),
      el('p', {'class': 'lead'}, [LEVEL[data.level] + ' ' + data.code])]);
    if (parents.length > 0) {
      header.appendChild(el('p', {'class': 'parents'}, parents.reduce(function (all, p, i) {
        return i === 0 ? [p] : all.concat([' · ', p]);
      }, [])));
    }
    root.appendChild(header);
    root.appendChild(indicators(data));
    root.appendChild(neighbours(data));
    root.appendChild(sectors(data));
    var box = series(data);
    root.appendChild(box);
    root.appendChild(files(data));
    box._draw();
    document.title = (territory.name || data.code) + ' — profil du territoire';
    root.setAttribute('data-level', data.level);
    root.setAttribute('data-code', data.code);
    root.setAttribute('data-loaded', 'true');
    window.scrollTo(0, 0);
  };

  function load() {
    var wanted = window.location.hash.slice(1);
    var root = document.getElementById('profile');
    var message = document.getElementById('message');
    root.removeAttribute('data-loaded');
    if (!/^(commune|epci|departement|region)\/[0-9A-Za-z]+$/.test(wanted)) {
      root.textContent = '';
      message.textContent = 'Cherchez un territoire par son nom ou son code.';
      return;
    }
    message.textContent = '';
    var old = document.getElementById('profile-data');
    if (old) { old.parentNode.removeChild(old); }
    var script = el('script', {id: 'profile-data', src: 'profiles/' + wanted + '.js'});
    script.onerror = function () {
      root.textContent = '';
      message.textContent = 'Aucun profil pour « ' + wanted + ' » dans cette publication.';
    };
    document.head.appendChild(script);
  }

  window.addEventListener('hashchange', load);
  window.addEventListener('beforeprint', function () { charts.forEach(function (c) { c.resize({width: 680, height: 300}); }); });
  window.addEventListener('afterprint', function () { charts.forEach(function (c) { c.resize(); }); });
  window.addEventListener('resize', function () { charts.forEach(function (c) { c.resize(); }); });
  if (document.readyState === 'loading') { document.addEventListener('DOMContentLoaded', load); } else { load(); }
})();
