// The who's who filter box. Progressive enhancement: without JavaScript the form stays hidden and the lists
// and pages by country and by family name work as they are. The names are loaded from people/names.js (a
// script, not JSON, so that it loads from disk too) only when the box is first used, and every name is put
// into the page as text, never as markup.
(function () {
  "use strict";
  var form = document.querySelector("form.people-filter");
  if (!form) return;
  var input = document.getElementById("people-filter");
  var results = document.getElementById("people-filter-results");
  var status = document.getElementById("people-filter-status");
  var lists = document.getElementById("people-lists");
  var root = form.getAttribute("data-root") || "";
  var shown = 50;
  var loading = null;
  var folded = null;

  function fold(text) {
    return text.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }

  function load() {
    if (!loading) {
      loading = new Promise(function (resolve, reject) {
        var script = document.createElement("script");
        script.src = form.getAttribute("data-names");
        script.onload = function () {
          var people = window.briefgenPeople || [];
          folded = people.map(function (p) { return fold(p[0] + " " + p[2] + " " + p[3]); });
          resolve(people);
        };
        script.onerror = reject;
        document.head.appendChild(script);
      });
    }
    return loading;
  }

  function item(person) {
    var li = document.createElement("li");
    var a = document.createElement("a");
    a.href = root + person[1];
    a.textContent = person[0];
    li.appendChild(a);
    var role = [person[3], person[2] === "Country not stated" ? "" : person[2]].filter(Boolean).join(", ");
    if (role) {
      var span = document.createElement("span");
      span.className = "role";
      span.textContent = role;
      li.appendChild(document.createTextNode(" "));
      li.appendChild(span);
    }
    var count = document.createElement("span");
    count.className = "count";
    count.textContent = person[4] + (person[4] === 1 ? " article" : " articles");
    li.appendChild(document.createTextNode(" "));
    li.appendChild(count);
    return li;
  }

  function show() {
    var words = fold(input.value).split(/\s+/).filter(Boolean);
    if (!words.length) {
      results.replaceChildren();
      status.textContent = "";
      lists.hidden = false;
      return;
    }
    load().then(function (people) {
      var found = [];
      var total = 0;
      for (var i = 0; i < people.length; i++) {
        if (words.every(function (w) { return folded[i].indexOf(w) !== -1; })) {
          total += 1;
          if (found.length < shown) found.push(item(people[i]));
        }
      }
      results.replaceChildren.apply(results, found);
      status.textContent = total === 0 ? "Nobody matches." :
        total + (total === 1 ? " person matches" : " people match") +
        (total > shown ? "; the " + shown + " most often in the news are shown." : ".");
      lists.hidden = true;
    }, function () {
      status.textContent = "The list of names could not be loaded; use the pages by country and by family name.";
    });
  }

  form.hidden = false;
  form.addEventListener("submit", function (event) { event.preventDefault(); });
  input.addEventListener("focus", function () { load(); }, { once: true });
  input.addEventListener("input", show);
})();
