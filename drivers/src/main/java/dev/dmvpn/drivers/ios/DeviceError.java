package dev.dmvpn.drivers.ios;

/** An error the device printed for a command: its marker line ({@code % Invalid input detected at '^' marker.}) and the whole text around it (the caret line included). */
public record DeviceError(String message, String deviceText) {}
