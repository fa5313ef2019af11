<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>DayServicesModel</name>
    <message>
        <location filename="../../hubapp/ui/day_services.py" line="37" />
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/day_services.py" line="37" />
        <source>Service</source>
        <translation>班次</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/day_services.py" line="37" />
        <source>Direction</source>
        <translation>方向</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/day_services.py" line="37" />
        <source>Mode</source>
        <translation>运输方式</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/day_services.py" line="38" />
        <source>Route</source>
        <translation>线路</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/day_services.py" line="38" />
        <source>From → to</source>
        <translation>起讫地</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/day_services.py" line="38" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/day_services.py" line="39" />
        <source>Containers</source>
        <translation>箱量</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/day_services.py" line="39" />
        <source>TEU</source>
        <translation>标箱</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/day_services.py" line="39" />
        <source>Full</source>
        <translation>重箱</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/day_services.py" line="39" />
        <source>Empty</source>
        <translation>空箱</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/day_services.py" line="40" />
        <source>Tonnes</source>
        <translation>吨数</translation>
    </message>
</context>
<context>
    <name>DayServicesScreen</name>
    <message>
        <location filename="../../hubapp/ui/day_services.py" line="126" />
        <source>Previous day (Ctrl+PgUp)</source>
        <translation>前一天 (Ctrl+PgUp)</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/day_services.py" line="132" />
        <source>Next day (Ctrl+PgDown)</source>
        <translation>后一天 (Ctrl+PgDown)</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/day_services.py" line="133" />
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/day_services.py" line="151" />
        <source>No services on this day.</source>
        <translation>这一天没有班次。</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/day_services.py" line="167" />
        <source>&amp;Previous day</source>
        <translation>前一天(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/day_services.py" line="169" />
        <source>&amp;Next day</source>
        <translation>后一天(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/day_services.py" line="171" />
        <source>&amp;Today</source>
        <translation>今天(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/day_services.py" line="226" />
        <source>{services} services moved · {containers} containers · {teu} TEU · {full} full / {empty} empty · {tonnes} t</source>
        <translation>已运行 {services} 班 · {containers} 箱 · {teu} 标箱 · 重 {full} / 空 {empty} · {tonnes} 吨</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../hubapp/ui/main_window.py" line="27" />
        <source>Hub Desk — {name}</source>
        <translation>枢纽工作台 — {name}</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/main_window.py" line="31" />
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/main_window.py" line="60" />
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/main_window.py" line="32" />
        <source>&amp;View</source>
        <translation>查看(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/main_window.py" line="35" />
        <source>Day</source>
        <translation>当日</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/main_window.py" line="70" />
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/main_window.py" line="71" />
        <source>&amp;About Hub Desk</source>
        <translation>关于枢纽工作台(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/main_window.py" line="76" />
        <source>About Hub Desk</source>
        <translation>关于枢纽工作台</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/main_window.py" line="77" />
        <source>Hub Desk {version}
The daily log of an inland logistics hub.

Database: {path}
Licence: MIT</source>
        <translation>枢纽工作台 {version}
内陆物流枢纽的每日台账。

数据库：{path}
许可证：MIT</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <location filename="../../hubapp/ui/app.py" line="48" />
        <source>Hub Desk cannot open the database</source>
        <translation>枢纽工作台无法打开数据库</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/app.py" line="67" />
        <source>Hub Desk</source>
        <translation>枢纽工作台</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/app.py" line="71" />
        <source>Hub Desk: unexpected error</source>
        <translation>枢纽工作台：意外错误</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/app.py" line="72" />
        <source>Something went wrong and was not saved. The details are in the log:
{log}

{error}</source>
        <translation>出现错误，本次操作未保存。详细信息见日志：
{log}

{error}</translation>
    </message>
</context>
<context>
    <name>labels</name>
    <message>
        <location filename="../../hubapp/ui/labels.py" line="15" />
        <source>Outbound</source>
        <translation>出口</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/labels.py" line="16" />
        <source>Inbound</source>
        <translation>进口</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/labels.py" line="22" />
        <source>Rail</source>
        <translation>铁路</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/labels.py" line="23" />
        <source>Road</source>
        <translation>公路</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/labels.py" line="24" />
        <source>River</source>
        <translation>水运</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/labels.py" line="25" />
        <source>Rail-sea</source>
        <translation>铁海联运</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/labels.py" line="31" />
        <source>Planned</source>
        <translation>计划</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/labels.py" line="32" />
        <source>Departed</source>
        <translation>已发车</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/labels.py" line="33" />
        <source>Arrived</source>
        <translation>已到达</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/labels.py" line="34" />
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
</context>
</TS>