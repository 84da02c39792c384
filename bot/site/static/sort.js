// Optional: sort the places table by a column. Without JavaScript the table is already
// sorted by state and readable; with it, each column heading becomes a sort button.
(function () {
  "use strict";
  document.querySelectorAll("table.sortable").forEach(function (table) {
    var headers = table.querySelectorAll("thead th");
    headers.forEach(function (th, column) {
      var button = document.createElement("button");
      button.type = "button";
      button.textContent = th.textContent;
      th.textContent = "";
      th.appendChild(button);
      button.addEventListener("click", function () {
        var ascending = th.getAttribute("aria-sort") !== "ascending";
        headers.forEach(function (other) { other.setAttribute("aria-sort", "none"); });
        th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
        var body = table.tBodies[0];
        var rows = Array.prototype.slice.call(body.rows);
        rows.sort(function (a, b) {
          var x = a.cells[column], y = b.cells[column];
          var p = x.getAttribute("data-sort") || x.textContent.trim();
          var q = y.getAttribute("data-sort") || y.textContent.trim();
          return (ascending ? 1 : -1) * p.localeCompare(q);
        });
        rows.forEach(function (row) { body.appendChild(row); });
      });
    });
  });
})();
