// The progress page of a campaign going out: asks the page's status handler every 2 seconds and puts
// the numbers in place. It waits while the tab is hidden, waits longer after a failed request, and
// stops when the campaign is finished; when the status changes (paused, resumed or finished, here or
// by someone else) it reloads the page so that its buttons match. Without it, a reload shows the same.
(function () {
    "use strict";
    var section = document.getElementById("campaign-progress");
    if (!section || !window.fetch) {
        return;
    }

    var url = section.getAttribute("data-status-url");
    var shownStatus = section.getAttribute("data-status");
    var every = 2000;
    var delay = every;
    var announcedStep = null;
    var numbers = new Intl.NumberFormat(document.documentElement.lang || undefined);

    function field(name) {
        return section.querySelector("[data-progress='" + name + "']");
    }

    function show(state) {
        ["sent", "failed", "skipped", "remaining"].forEach(function (name) {
            field(name).textContent = numbers.format(state[name]);
        });
        ["statusText", "summary", "rate", "timeLeft"].forEach(function (name) {
            field(name).textContent = state[name];
        });
        var waiting = field("waiting");
        waiting.textContent = state.waiting || "";
        waiting.hidden = !state.waiting;
        var bar = section.querySelector("progress");
        bar.max = state.total;
        bar.value = state.served;
        bar.textContent = state.summary;
        // Read out at every tenth of the way, not at every update.
        var step = Math.floor(state.percent / 10);
        if (announcedStep !== null && step !== announcedStep) {
            field("announcement").textContent = state.summary;
        }
        announcedStep = step;
    }

    function poll() {
        if (document.hidden) {
            window.setTimeout(poll, every);
            return;
        }

        fetch(url, { credentials: "same-origin", headers: { Accept: "application/json" } })
            .then(function (response) {
                if (!response.ok) {
                    throw new Error(String(response.status));
                }
                return response.json();
            })
            .then(function (state) {
                delay = every;
                show(state);
                if (state.status !== shownStatus) {
                    window.location.reload();
                    return;
                }
                if (!state.finished) {
                    window.setTimeout(poll, delay);
                }
            })
            .catch(function () {
                delay = Math.min(delay * 2, 60000);
                window.setTimeout(poll, delay);
            });
    }

    window.setTimeout(poll, every);
}());
