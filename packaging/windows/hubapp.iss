; Inno Setup script: a Windows installer for the PyInstaller bundle in dist\hubapp\.
; UNTESTED: written on Linux, never compiled or run (see README.md in this folder).
; Compile on Windows after the bundle is built:  iscc packaging\windows\hubapp.iss

#define AppVersion "0.1.0"  ; keep equal to pyproject.toml's version

[Setup]
AppId={{6F1B3C2E-8D4A-4E57-9B1F-2C7A5D3E9A41}
AppName=Hub Desk
AppVersion={#AppVersion}
AppPublisher=Hub Desk developers
DefaultDirName={autopf}\Hub Desk
DefaultGroupName=Hub Desk
; Per-machine install for all desk users; IT runs it with admin rights.
PrivilegesRequired=admin
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir=..\..\dist
OutputBaseFilename=HubDesk-{#AppVersion}-setup
UninstallDisplayIcon={app}\HubDesk.exe
Compression=lzma2
SolidCompression=yes
WizardStyle=modern

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"
Name: "chinesesimplified"; MessagesFile: "compiler:Languages\ChineseSimplified.isl"

[Files]
Source: "..\..\dist\hubapp\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
; HubDesk.exe is the windowed build (no console); hubapp.exe is for the command line.
Name: "{group}\Hub Desk"; Filename: "{app}\HubDesk.exe"
Name: "{group}\Uninstall Hub Desk"; Filename: "{uninstallexe}"
Name: "{autodesktop}\Hub Desk"; Filename: "{app}\HubDesk.exe"; Tasks: desktopicon

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"

[Run]
Filename: "{app}\HubDesk.exe"; Description: "{cm:LaunchProgram,Hub Desk}"; Flags: nowait postinstall skipifsilent
