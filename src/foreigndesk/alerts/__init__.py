"""Watches and alerts: an analyst declares what to watch (:mod:`.definitions`: a YAML file or
``foreigndesk alert add``); :func:`.check.check` evaluates every watch over the store and
writes one alert per new piece of evidence, with citations; :mod:`.notify` sends new alerts
to a JSON Lines file and a webhook. The dyad shift test is :mod:`.shift`."""
